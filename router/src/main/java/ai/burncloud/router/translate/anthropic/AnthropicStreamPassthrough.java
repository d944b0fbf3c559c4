package ai.burncloud.router.translate.anthropic;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.codec.SseEvent;
import ai.burncloud.router.codec.SseFrameDecoder;
import ai.burncloud.router.codec.SseFrameTooLongException;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.SseEventNames;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic → Anthropic streams: every event is forwarded as the upstream's own bytes (retained
 * slices, whole events only, so a failure never leaves half an event on the wire). Only
 * {@code message_start} and {@code message_delta} (usage), {@code error} (fault) and — when the
 * pipeline wants text for a local estimate — {@code content_block_delta} are parsed.
 */
public final class AnthropicStreamPassthrough implements ResponseConverter {
    private static final int MAX_EVENT_BYTES = 16 << 20;
    private static final byte[] BLANK_LINE = {'\n', '\n'};

    private final SseFrameDecoder decoder = new SseFrameDecoder(MAX_EVENT_BYTES);
    private final List<SseEvent> frames = new ArrayList<>();
    private final AnthropicUsage usage = new AnthropicUsage();
    private final CompletionTextSink sink;
    private UpstreamFault fault;
    private boolean ended;

    public AnthropicStreamPassthrough(CompletionTextSink sink) {
        this.sink = sink;
    }

    @Override
    public String contentType() {
        return "text/event-stream";
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (fault != null || ended) {
            return;
        }
        try {
            decoder.decode(chunk.duplicate(), frames);
        } catch (SseFrameTooLongException e) {
            // an event this large is a broken upstream: end the client's stream visibly
            forward(alloc, out);
            ErrorInfo info = ErrorInfo.upstream(502, "upstream_protocol_error", e.getMessage());
            fault = info.toFault();
            failed(info, alloc, out);
            return;
        }
        forward(alloc, out);
    }

    @Override
    public void onEnd(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (fault != null || ended) {
            return;
        }
        decoder.finish(frames);
        forward(alloc, out);
        ended = true;
    }

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (fault == null && !ended) {
            ended = true;
            failed(ErrorInfo.local(error, message), alloc, out);
        }
    }

    private static void failed(ErrorInfo info, ByteBufAllocator alloc, List<ByteBuf> out) {
        out.add(JsonOut.sseEvent(alloc, "error", ErrorBodies.anthropic(info)));
    }

    @Override
    public TokenUsage usage() {
        return usage.toTokenUsage();
    }

    @Override
    public UpstreamFault fault() {
        return fault;
    }

    @Override
    public void close() {
        SseEvent.releaseAll(frames);
        decoder.close();
    }

    private void forward(ByteBufAllocator alloc, List<ByteBuf> out) {
        int handled = 0;
        try {
            for (SseEvent e : frames) {
                inspect(e);
                boolean terminated = SseEventNames.terminated(e.raw());
                out.add(e.takeRaw());
                handled++;
                if (!terminated) {
                    // the upstream's last event lacked its blank line; clients would drop it
                    out.add(alloc.buffer(2).writeBytes(BLANK_LINE));
                }
            }
        } finally {
            // the events not handed on (all the rest, when one could not be read) are still ours
            SseEvent.releaseAll(frames.subList(handled, frames.size()));
            frames.clear();
        }
    }

    private void inspect(SseEvent e) {
        String name = SseEventNames.firstLineName(e.raw());
        if (name == null) {
            return;
        }
        switch (name) {
            case "message_start" ->
                usage.updateFromStart(data(e).path("message").path("usage"));
            case "message_delta" -> usage.update(data(e).path("usage"));
            case "error" -> {
                if (fault == null) {
                    ErrorInfo info = AnthropicCompletions.readError(data(e));
                    fault = info.toFault();
                }
            }
            case "content_block_delta" -> {
                if (sink != CompletionTextSink.NONE) {
                    JsonNode delta = data(e).path("delta");
                    String text = Jsons.text(delta, "text");
                    if (text == null) {
                        text = Jsons.text(delta, "partial_json");
                    }
                    if (text == null) {
                        text = Jsons.text(delta, "thinking");
                    }
                    if (text != null) {
                        sink.append(text);
                    }
                }
            }
            default -> {}
        }
    }

    private static JsonNode data(SseEvent e) {
        JsonNode json = Jsons.parseOrNull(e.data());
        return json != null ? json : Json.object();
    }
}
