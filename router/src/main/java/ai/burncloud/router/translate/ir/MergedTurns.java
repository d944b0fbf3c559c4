package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.TranslationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link ChatRequest} messages as the strictly alternating turns Anthropic Messages and
 * Bedrock Converse both insist on: consecutive messages of one role are merged into one
 * {@code {"role": "user"|"assistant", "content": [...]}} turn, and inside a turn the tool results
 * come first (both refuse a turn where they follow other content). A turn left with no blocks is not
 * written. The blocks themselves are the dialect's, written by the two {@link BlockWriter}s.
 */
public final class MergedTurns {
    /** One dialect's content block for a part. */
    @FunctionalInterface
    public interface BlockWriter<P extends ChatRequest.Part> {
        ObjectNode write(P part, ChatRequest.Role role) throws TranslationException;
    }

    private MergedTurns() {}

    /**
     * @param toolResults writes a tool result's block (never null)
     * @param others writes any other part's block, or null to leave the part out
     */
    public static ArrayNode write(
            List<ChatRequest.Message> messages,
            BlockWriter<ChatRequest.ToolResult> toolResults,
            BlockWriter<ChatRequest.Part> others)
            throws TranslationException {
        ArrayNode out = Json.mapper().createArrayNode();
        ChatRequest.Role role = null;
        List<ObjectNode> resultBlocks = new ArrayList<>();
        List<ObjectNode> otherBlocks = new ArrayList<>();
        for (ChatRequest.Message m : messages) {
            if (role != null && m.role() != role) {
                flush(role, resultBlocks, otherBlocks, out);
            }
            role = m.role();
            for (ChatRequest.Part p : m.parts()) {
                if (p instanceof ChatRequest.ToolResult tr) {
                    resultBlocks.add(toolResults.write(tr, role));
                } else {
                    ObjectNode block = others.write(p, role);
                    if (block != null) {
                        otherBlocks.add(block);
                    }
                }
            }
        }
        if (role != null) {
            flush(role, resultBlocks, otherBlocks, out);
        }
        return out;
    }

    private static void flush(ChatRequest.Role role, List<ObjectNode> results, List<ObjectNode> others, ArrayNode out) {
        if (results.isEmpty() && others.isEmpty()) {
            return;
        }
        ObjectNode msg = out.addObject().put("role", role == ChatRequest.Role.USER ? "user" : "assistant");
        ArrayNode content = msg.putArray("content");
        results.forEach(content::add);
        others.forEach(content::add);
        results.clear();
        others.clear();
    }
}
