package ai.burncloud.router.translate.bedrock;

import ai.burncloud.router.codec.EventStreamCorruptedException;
import ai.burncloud.router.codec.EventStreamDecoder;
import ai.burncloud.router.codec.EventStreamMessage;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.StreamEvent;
import ai.burncloud.router.translate.ir.UpstreamStreamReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Bedrock ConverseStream's binary event stream into neutral events: {@code messageStart},
 * {@code contentBlockStart} (tool calls), {@code contentBlockDelta} (text, tool input, reasoning),
 * {@code messageStop} (stop reason), then {@code metadata} (usage — after the stop, so the answer
 * ends there). An exception or error frame after HTTP 200 (e.g. {@code throttlingException}) and a
 * corrupt or truncated frame end the stream as a failure.
 */
public final class BedrockStreamReader implements UpstreamStreamReader {
    private static final int MAX_MESSAGE_BYTES = 16 << 20;

    private final EventStreamDecoder decoder = new EventStreamDecoder(MAX_MESSAGE_BYTES);
    private final List<EventStreamMessage> messages = new ArrayList<>();
    private final Map<Integer, Integer> toolByBlock = new HashMap<>();
    private boolean broken;

    @Override
    public void read(ByteBuf chunk, List<StreamEvent> out) {
        if (broken) {
            return;
        }
        try {
            decoder.decode(chunk.duplicate(), messages);
        } catch (EventStreamCorruptedException e) {
            broken = true;
            drain(out);
            out.add(new StreamEvent.Failed(ErrorInfo.upstream(502, "eventStreamCorrupted", e.getMessage())));
            return;
        }
        drain(out);
    }

    @Override
    public void finish(List<StreamEvent> out) {
        if (!broken && decoder.hasPartialMessage()) {
            out.add(new StreamEvent.Failed(
                    ErrorInfo.upstream(502, "eventStreamTruncated", "upstream event stream ended inside a message")));
        }
    }

    @Override
    public void close() {
        for (EventStreamMessage m : messages) {
            m.release();
        }
        messages.clear();
        decoder.close();
    }

    private void drain(List<StreamEvent> out) {
        try {
            for (EventStreamMessage m : messages) {
                onMessage(m, out);
            }
        } finally {
            for (EventStreamMessage m : messages) {
                m.release();
            }
            messages.clear();
        }
    }

    private void onMessage(EventStreamMessage m, List<StreamEvent> out) {
        JsonNode payload = Jsons.parseOrNull(m.payload());
        String type = m.messageType();
        if ("exception".equals(type)) {
            out.add(new StreamEvent.Failed(BedrockExceptions.of(m.exceptionType(), Jsons.text(payload, "message"))));
            return;
        }
        if ("error".equals(type)) {
            out.add(new StreamEvent.Failed(BedrockExceptions.of(m.header(":error-code"), m.header(":error-message"))));
            return;
        }
        String event = m.eventType();
        if (event == null || payload == null) {
            return;
        }
        switch (event) {
            case "messageStart" -> out.add(new StreamEvent.Start(null, null));
            case "contentBlockStart" -> {
                JsonNode toolUse = payload.path("start").path("toolUse");
                if (toolUse.isObject()) {
                    int tool = toolByBlock.size();
                    toolByBlock.put(payload.path("contentBlockIndex").asInt(), tool);
                    out.add(new StreamEvent.ToolStart(
                            tool, Jsons.text(toolUse, "toolUseId"), Jsons.text(toolUse, "name")));
                }
            }
            case "contentBlockDelta" -> onDelta(payload, out);
            case "messageStop" ->
                out.add(new StreamEvent.Finish(BedrockStopReasons.read(Jsons.text(payload, "stopReason")), null));
            case "metadata" -> {
                out.add(new StreamEvent.Usage(BedrockUsage.read(Jsons.field(payload, "usage"))));
                out.add(new StreamEvent.End());
            }
            default -> {
                // contentBlockStop and future events carry nothing to convert
            }
        }
    }

    private void onDelta(JsonNode payload, List<StreamEvent> out) {
        JsonNode delta = payload.path("delta");
        String text = Jsons.text(delta, "text");
        if (text != null && !text.isEmpty()) {
            out.add(new StreamEvent.Text(text));
        }
        String input = Jsons.text(delta.path("toolUse"), "input");
        Integer tool = toolByBlock.get(payload.path("contentBlockIndex").asInt());
        if (input != null && !input.isEmpty() && tool != null) {
            out.add(new StreamEvent.ToolArgs(tool, input));
        }
        JsonNode reasoningContent = delta.path("reasoningContent");
        String reasoning = Jsons.text(reasoningContent, "text");
        if (reasoning != null && !reasoning.isEmpty()) {
            out.add(new StreamEvent.Reasoning(reasoning));
        }
        String signature = Jsons.text(reasoningContent, "signature");
        if (signature != null && !signature.isEmpty()) {
            out.add(new StreamEvent.ReasoningSignature(signature));
        }
        String redacted = Jsons.text(reasoningContent, "redactedContent");
        if (redacted != null && !redacted.isEmpty()) {
            out.add(new StreamEvent.RedactedReasoning(redacted));
        }
    }
}
