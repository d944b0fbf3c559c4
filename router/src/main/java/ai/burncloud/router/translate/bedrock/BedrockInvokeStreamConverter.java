package ai.burncloud.router.translate.bedrock;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.codec.EventStreamCorruptedException;
import ai.burncloud.router.codec.EventStreamDecoder;
import ai.burncloud.router.codec.EventStreamMessage;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import ai.burncloud.router.translate.anthropic.AnthropicStreamPassthrough;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.Jsons;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * InvokeModelWithResponseStream (Claude) → Anthropic client: each {@code chunk} frame's {@code bytes}
 * is one Anthropic stream event's JSON, re-framed as the SSE event Anthropic would have sent and handed
 * to an {@link AnthropicStreamPassthrough}, which forwards it and reads usage from
 * {@code message_start} / {@code message_delta}. Bedrock's {@code amazon-bedrock-invocationMetrics}
 * (on the last event) stand in for any count the events did not report. Exception frames and corrupt
 * or truncated frames become an Anthropic {@code error} event.
 */
final class BedrockInvokeStreamConverter implements ResponseConverter {
    private static final int MAX_MESSAGE_BYTES = 16 << 20;

    private final EventStreamDecoder decoder = new EventStreamDecoder(MAX_MESSAGE_BYTES);
    private final List<EventStreamMessage> messages = new ArrayList<>();
    private final AnthropicStreamPassthrough events;
    private TokenUsage metrics = TokenUsage.NONE;
    private boolean broken;

    BedrockInvokeStreamConverter(CompletionTextSink sink) {
        this.events = new AnthropicStreamPassthrough(sink);
    }

    @Override
    public String contentType() {
        return "text/event-stream";
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (broken) {
            return;
        }
        try {
            decoder.decode(chunk.duplicate(), messages);
        } catch (EventStreamCorruptedException e) {
            drain(alloc, out);
            fail(ErrorInfo.upstream(502, "eventStreamCorrupted", e.getMessage()), alloc, out);
            return;
        }
        drain(alloc, out);
    }

    @Override
    public void onEnd(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (!broken && decoder.hasPartialMessage()) {
            fail(
                    ErrorInfo.upstream(502, "eventStreamTruncated", "upstream event stream ended inside a message"),
                    alloc,
                    out);
        }
        events.onEnd(alloc, out);
    }

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {
        events.onFailure(error, message, alloc, out);
    }

    @Override
    public TokenUsage usage() {
        return metrics.updatedWith(events.usage());
    }

    @Override
    public UpstreamFault fault() {
        return events.fault();
    }

    @Override
    public void close() {
        for (EventStreamMessage m : messages) {
            m.release();
        }
        messages.clear();
        decoder.close();
        events.close();
    }

    private void drain(ByteBufAllocator alloc, List<ByteBuf> out) {
        try {
            for (EventStreamMessage m : messages) {
                if (!broken) {
                    onMessage(m, alloc, out);
                }
            }
        } finally {
            for (EventStreamMessage m : messages) {
                m.release();
            }
            messages.clear();
        }
    }

    private void onMessage(EventStreamMessage m, ByteBufAllocator alloc, List<ByteBuf> out) {
        JsonNode payload = Jsons.parseOrNull(m.payload());
        String type = m.messageType();
        if ("exception".equals(type)) {
            fail(BedrockExceptions.of(m.exceptionType(), Jsons.text(payload, "message")), alloc, out);
            return;
        }
        if ("error".equals(type)) {
            fail(BedrockExceptions.of(m.header(":error-code"), m.header(":error-message")), alloc, out);
            return;
        }
        String bytes = Jsons.text(payload, "bytes");
        if (!"chunk".equals(m.eventType()) || bytes == null) {
            return;
        }
        JsonNode event;
        try {
            event = Jsons.parseOrNull(new String(Base64.getDecoder().decode(bytes), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            event = null;
        }
        String name = Jsons.text(event, "type");
        if (name == null) {
            fail(ErrorInfo.upstream(502, "upstream_protocol_error", "unreadable InvokeModel stream chunk"), alloc, out);
            return;
        }
        JsonNode invocation = Jsons.field(event, "amazon-bedrock-invocationMetrics");
        if (invocation != null) {
            metrics = TokenUsage.of(
                    Jsons.number(invocation, "inputTokenCount", TokenUsage.UNREPORTED),
                    Jsons.number(invocation, "outputTokenCount", TokenUsage.UNREPORTED));
        }
        feed(JsonOut.sseEvent(alloc, name, event), alloc, out);
    }

    /** An Anthropic {@code error} event through the same path, so the fault is read where events are. */
    private void fail(ErrorInfo error, ByteBufAllocator alloc, List<ByteBuf> out) {
        broken = true;
        feed(JsonOut.sseEvent(alloc, "error", ErrorBodies.anthropic(error)), alloc, out);
    }

    private void feed(ByteBuf sse, ByteBufAllocator alloc, List<ByteBuf> out) {
        try {
            events.onChunk(sse, alloc, out);
        } finally {
            sse.release();
        }
    }
}
