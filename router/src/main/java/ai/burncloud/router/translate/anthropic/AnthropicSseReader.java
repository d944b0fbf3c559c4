package ai.burncloud.router.translate.anthropic;

import ai.burncloud.router.codec.SseEvent;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.SseUpstreamReader;
import ai.burncloud.router.translate.ir.StreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Anthropic Messages stream ({@code message_start}, {@code content_block_*},
 * {@code message_delta}, {@code message_stop}, {@code ping}, {@code error}) into neutral events.
 * Content blocks are tracked by their index so tool-argument deltas reach the right tool call;
 * usage accumulates from {@code message_start} and the cumulative {@code message_delta}.
 */
public final class AnthropicSseReader extends SseUpstreamReader {
    private final AnthropicUsage usage = new AnthropicUsage();
    /** Anthropic content-block index → neutral tool-call index, for tool_use blocks. */
    private final Map<Integer, Integer> toolByBlock = new HashMap<>();

    @Override
    protected void onEvent(SseEvent event, List<StreamEvent> out) {
        String data = event.data();
        if (data == null) {
            return;
        }
        JsonNode json = Jsons.parseOrNull(data);
        if (json == null || !json.isObject()) {
            out.add(new StreamEvent.Failed(
                    ErrorInfo.upstream(502, "upstream_protocol_error", "upstream sent an event that is not JSON")));
            return;
        }
        String type = Jsons.text(json, "type");
        if (type == null) {
            type = event.event();
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "message_start" -> {
                JsonNode message = json.path("message");
                out.add(new StreamEvent.Start(Jsons.text(message, "id"), Jsons.text(message, "model")));
                usage.updateFromStart(Jsons.field(message, "usage"));
                out.add(new StreamEvent.Usage(usage.toTokenUsage()));
            }
            case "content_block_start" -> onBlockStart(json, out);
            case "content_block_delta" -> onBlockDelta(json, out);
            case "message_delta" -> {
                usage.update(Jsons.field(json, "usage"));
                out.add(new StreamEvent.Usage(usage.toTokenUsage()));
                JsonNode delta = json.path("delta");
                String stop = Jsons.text(delta, "stop_reason");
                if (stop != null) {
                    out.add(new StreamEvent.Finish(
                            AnthropicStopReasons.read(stop), Jsons.text(delta, "stop_sequence")));
                }
            }
            case "message_stop" -> out.add(new StreamEvent.End());
            case "error" -> out.add(new StreamEvent.Failed(AnthropicCompletions.readError(json)));
            default -> {
                // ping, content_block_stop and future event types carry nothing to convert
            }
        }
    }

    private void onBlockStart(JsonNode json, List<StreamEvent> out) {
        JsonNode block = json.path("content_block");
        int index = json.path("index").asInt();
        String type = Jsons.text(block, "type");
        if ("tool_use".equals(type)) {
            int tool = toolByBlock.size();
            toolByBlock.put(index, tool);
            out.add(new StreamEvent.ToolStart(tool, Jsons.text(block, "id"), Jsons.text(block, "name")));
            JsonNode input = Jsons.field(block, "input");
            if (input != null && input.size() > 0) {
                out.add(new StreamEvent.ToolArgs(tool, input.toString()));
            }
        } else if ("redacted_thinking".equals(type)) {
            out.add(new StreamEvent.RedactedReasoning(block.path("data").asText("")));
        } else if ("text".equals(type)) {
            String text = Jsons.text(block, "text");
            if (text != null && !text.isEmpty()) {
                out.add(new StreamEvent.Text(text));
            }
        }
    }

    private void onBlockDelta(JsonNode json, List<StreamEvent> out) {
        JsonNode delta = json.path("delta");
        String type = Jsons.text(delta, "type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "text_delta" -> {
                String text = delta.path("text").asText("");
                if (!text.isEmpty()) {
                    out.add(new StreamEvent.Text(text));
                }
            }
            case "thinking_delta" -> {
                String text = delta.path("thinking").asText("");
                if (!text.isEmpty()) {
                    out.add(new StreamEvent.Reasoning(text));
                }
            }
            case "input_json_delta" -> {
                Integer tool = toolByBlock.get(json.path("index").asInt());
                String partial = delta.path("partial_json").asText("");
                if (tool != null && !partial.isEmpty()) {
                    out.add(new StreamEvent.ToolArgs(tool, partial));
                }
            }
            case "signature_delta" -> {
                String signature = delta.path("signature").asText("");
                if (!signature.isEmpty()) {
                    out.add(new StreamEvent.ReasoningSignature(signature));
                }
            }
            default -> {
                // citations_delta: nothing the other dialects can carry
            }
        }
    }
}
