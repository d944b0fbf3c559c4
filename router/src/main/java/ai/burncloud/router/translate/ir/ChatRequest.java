package ai.burncloud.router.translate.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A chat request in neutral terms: what every client dialect's request is read into and every
 * upstream dialect's request is written from. Optional settings are null when the client did not
 * give them, so writers send only what was asked for.
 *
 * <p>Conversation shape follows the most structured dialect (Anthropic's): only user and assistant
 * turns; system text kept apart; tool results are parts of user turns. Consecutive same-role turns
 * are kept as the client sent them; writers merge them where their upstream requires it.
 *
 * <p>{@code reasoning} is null when the client did not ask about reasoning; earlier reasoning is kept
 * in assistant turns as {@link Reasoning} parts, which writers for upstreams that cannot take it back
 * leave out.
 */
public record ChatRequest(
        List<String> system,
        List<Message> messages,
        List<ToolDef> tools,
        ToolChoice toolChoice,
        Boolean parallelToolCalls,
        ResponseFormat responseFormat,
        List<String> stop,
        Double temperature,
        Double topP,
        Integer topK,
        Long maxTokens,
        Long seed,
        Double presencePenalty,
        Double frequencyPenalty,
        String user,
        boolean stream,
        ReasoningSetting reasoning) {

    /** A request without a reasoning setting (the upstream's default applies). */
    public ChatRequest(
            List<String> system,
            List<Message> messages,
            List<ToolDef> tools,
            ToolChoice toolChoice,
            Boolean parallelToolCalls,
            ResponseFormat responseFormat,
            List<String> stop,
            Double temperature,
            Double topP,
            Integer topK,
            Long maxTokens,
            Long seed,
            Double presencePenalty,
            Double frequencyPenalty,
            String user,
            boolean stream) {
        this(
                system,
                messages,
                tools,
                toolChoice,
                parallelToolCalls,
                responseFormat,
                stop,
                temperature,
                topP,
                topK,
                maxTokens,
                seed,
                presencePenalty,
                frequencyPenalty,
                user,
                stream,
                null);
    }

    public ChatRequest withReasoning(ReasoningSetting setting) {
        return new ChatRequest(
                system,
                messages,
                tools,
                toolChoice,
                parallelToolCalls,
                responseFormat,
                stop,
                temperature,
                topP,
                topK,
                maxTokens,
                seed,
                presencePenalty,
                frequencyPenalty,
                user,
                stream,
                setting);
    }

    public enum Role {
        USER,
        ASSISTANT
    }

    public record Message(Role role, List<Part> parts) {}

    /** A piece of a message. */
    public sealed interface Part {}

    public record Text(String text) implements Part {}

    /** Inline media (image, audio, PDF…), base64-encoded. */
    public record Media(String mediaType, String base64) implements Part {}

    /** Media by URL; {@code mediaType} is null when unknown. */
    public record MediaUrl(String url, String mediaType) implements Part {}

    /**
     * The assistant's earlier reasoning. {@code signature} is the upstream's proof that the text is its
     * own (Anthropic, Bedrock Claude); only a signed block can be given back to such an upstream.
     */
    public record Reasoning(String text, String signature) implements Part {}

    /** Reasoning the upstream encrypted ({@code redacted_thinking}); {@code data} goes back unchanged. */
    public record RedactedReasoning(String data) implements Part {}

    /** A tool call the assistant made; {@code argumentsJson} is a JSON object as text. */
    public record ToolCall(String id, String name, String argumentsJson) implements Part {}

    /**
     * The result of a tool call, sent back by the user side.
     *
     * @param toolName the called tool's name, when known (Gemini needs it)
     * @param content text and media parts
     */
    public record ToolResult(String callId, String toolName, List<Part> content, boolean isError) implements Part {
        /** The text parts joined. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Part p : content) {
                if (p instanceof Text t) {
                    sb.append(t.text());
                }
            }
            return sb.toString();
        }
    }

    /** A function the model may call; {@code schema} is the JSON Schema of its arguments. */
    public record ToolDef(String name, String description, JsonNode schema) {}

    public record ToolChoice(Mode mode, String name) {
        public enum Mode {
            AUTO,
            NONE,
            /** Some tool must be called. */
            REQUIRED,
            /** The named tool must be called. */
            FUNCTION
        }
    }

    /** JSON mode: any JSON object, or JSON matching {@code schema}. */
    public record ResponseFormat(Kind kind, String name, JsonNode schema) {
        public enum Kind {
            JSON_OBJECT,
            JSON_SCHEMA
        }
    }

    /** Whether any message holds a tool call or a tool result. */
    public boolean hasToolHistory() {
        for (Message m : messages) {
            for (Part p : m.parts()) {
                if (p instanceof ToolCall || p instanceof ToolResult) {
                    return true;
                }
            }
        }
        return false;
    }
}
