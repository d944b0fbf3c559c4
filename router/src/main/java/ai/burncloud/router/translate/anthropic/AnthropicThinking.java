package ai.burncloud.router.translate.anthropic;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ReasoningSetting;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Extended thinking for a Claude request written from a {@link ChatRequest} (Anthropic channels, and
 * Bedrock Claude through Converse), with the rules Claude enforces: {@code budget_tokens} at least
 * 1024 and below {@code max_tokens} (when the client's limit is not above the budget, the limit is
 * added on top of it, so the visible answer keeps the room the client asked for), no temperature or
 * top-k, top-p only from 0.95. Thinking is not asked for when the client forces a tool call (Claude
 * refuses that combination) or when the last assistant turn called tools without the signed
 * reasoning that came with it (Claude refuses to continue such a turn with thinking on) — the
 * answer then comes without reasoning rather than as an error.
 *
 * @param budgetTokens the {@code budget_tokens} to send
 * @param maxTokens the {@code max_tokens} to send (above the budget)
 */
public record AnthropicThinking(long budgetTokens, long maxTokens) {

    /** The thinking to ask for, or null to ask for none. */
    public static AnthropicThinking plan(ChatRequest r, long maxTokens) {
        ReasoningSetting setting = r.reasoning();
        if (setting == null || !setting.isOn() || forcesTool(r) || lastToolTurnUnsigned(r.messages())) {
            return null;
        }
        long budget = Math.max(ReasoningSetting.MIN_BUDGET, setting.asBudget());
        return new AnthropicThinking(budget, maxTokens > budget ? maxTokens : budget + maxTokens);
    }

    /** {@code {"type":"enabled","budget_tokens":N}}. */
    public ObjectNode json() {
        return Json.object().put("type", "enabled").put("budget_tokens", budgetTokens);
    }

    /** The top-p Claude accepts with thinking on, or null to send none. */
    public static Double allowedTopP(Double topP) {
        return topP != null && topP >= 0.95 ? topP : null;
    }

    private static boolean forcesTool(ChatRequest r) {
        return r.toolChoice() != null
                && (r.toolChoice().mode() == ChatRequest.ToolChoice.Mode.REQUIRED
                        || r.toolChoice().mode() == ChatRequest.ToolChoice.Mode.FUNCTION);
    }

    private static boolean lastToolTurnUnsigned(List<ChatRequest.Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatRequest.Message m = messages.get(i);
            if (m.role() != ChatRequest.Role.ASSISTANT) {
                continue;
            }
            boolean calls = false;
            boolean signed = false;
            for (ChatRequest.Part p : m.parts()) {
                calls |= p instanceof ChatRequest.ToolCall;
                signed |= p instanceof ChatRequest.RedactedReasoning
                        || (p instanceof ChatRequest.Reasoning rs && rs.signature() != null);
            }
            return calls && !signed;
        }
        return false;
    }
}
