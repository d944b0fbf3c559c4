package ai.burncloud.router.translate.ir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a whole {@link Completion} as a Responses API {@code response} object: consecutive text
 * becomes one {@code message} item with {@code output_text}, each tool call a {@code function_call}
 * item whose {@code call_id} is the upstream's call id (so the client's
 * {@code function_call_output} finds its way back). Reasoning text is not shown: Responses carries
 * it only as the upstream's own reasoning items, which no converted upstream produces.
 */
public final class ResponsesCompletions {
    private ResponsesCompletions() {}

    public static ObjectNode write(Completion c, ResponsesEnvelope envelope) {
        ObjectNode response = envelope.response(c.model(), "completed");
        ArrayNode output = (ArrayNode) response.get("output");
        StringBuilder text = new StringBuilder();
        boolean sawToolCall = false;
        for (Completion.Part p : c.parts()) {
            if (p instanceof Completion.Text t) {
                text.append(t.text());
            } else if (p instanceof Completion.ToolCall call) {
                flushText(output, text);
                sawToolCall = true;
                output.add(envelope.functionCallItem(
                        Ids.random("fc_"),
                        "completed",
                        call.id() != null ? call.id() : Ids.random("call_"),
                        call.name(),
                        call.argumentsJson()));
            }
        }
        flushText(output, text);
        FinishReason finish =
                FinishReason.afterToolCalls(c.finish() != null ? c.finish() : FinishReason.STOP, sawToolCall);
        ResponsesEnvelope.finish(response, finish, c.usage());
        return response;
    }

    private static void flushText(ArrayNode output, StringBuilder text) {
        if (text.length() > 0) {
            output.add(ResponsesEnvelope.messageItem(Ids.random("msg_"), "completed", text.toString()));
            text.setLength(0);
        }
    }
}
