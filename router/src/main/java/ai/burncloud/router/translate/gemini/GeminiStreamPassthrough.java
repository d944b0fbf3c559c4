package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.GatewayError;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini → Gemini streams. The upstream is always asked for {@code alt=sse}; a client that asked for
 * SSE gets the upstream's event bytes as they are (retained slices), a client that did not gets the
 * same chunks re-framed as Gemini's JSON-array stream. Usage is the last chunk's
 * {@code usageMetadata}.
 */
final class GeminiStreamPassthrough implements ResponseConverter {
    private static final int MAX_EVENT_BYTES = 16 << 20;
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private final boolean sse;
    private final CompletionTextSink sink;
    private final SseFrameDecoder decoder = new SseFrameDecoder(MAX_EVENT_BYTES);
    private final List<SseEvent> frames = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;
    private UpstreamFault fault;
    private boolean wroteChunk;
    private boolean ended;

    GeminiStreamPassthrough(boolean sse, CompletionTextSink sink) {
        this.sse = sse;
        this.sink = sink;
    }

    @Override
    public String contentType() {
        return sse ? "text/event-stream" : "application/json";
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (ended) {
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
        if (ended) {
            return;
        }
        decoder.finish(frames);
        forward(alloc, out);
        if (!sse && !ended) {
            out.add(JsonOut.ascii(alloc, wroteChunk ? "]" : "[]"));
        }
        ended = true;
    }

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (ended || fault != null) {
            return;
        }
        failed(ErrorInfo.local(error, message), alloc, out);
    }

    /** One Gemini error object, as an SSE event or as the JSON array's last element. */
    private void failed(ErrorInfo info, ByteBufAllocator alloc, List<ByteBuf> out) {
        ended = true;
        JsonNode body = ErrorBodies.gemini(info);
        if (sse) {
            out.add(JsonOut.sseData(alloc, body, true));
        } else {
            ByteBuf buf = alloc.buffer(128);
            buf.writeCharSequence(wroteChunk ? ",\r\n" : "[", StandardCharsets.US_ASCII);
            JsonOut.writeJson(buf, body);
            buf.writeByte(']');
            out.add(buf);
        }
    }

    @Override
    public TokenUsage usage() {
        return usage;
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
                String data = e.data();
                if (data == null) {
                    e.release();
                    handled++;
                    continue;
                }
                inspect(data);
                if (sse) {
                    boolean terminated = SseEventNames.terminated(e.raw());
                    out.add(e.takeRaw());
                    handled++;
                    if (!terminated) {
                        out.add(alloc.buffer(4).writeBytes(CRLF_CRLF));
                    }
                } else {
                    e.release();
                    handled++;
                    ByteBuf buf = alloc.buffer(data.length() + 4);
                    buf.writeCharSequence(wroteChunk ? ",\r\n" : "[", StandardCharsets.US_ASCII);
                    buf.writeCharSequence(data, StandardCharsets.UTF_8);
                    wroteChunk = true;
                    out.add(buf);
                }
            }
        } finally {
            // the events not handed on (all the rest, when one could not be read) are still ours
            SseEvent.releaseAll(frames.subList(handled, frames.size()));
            frames.clear();
        }
    }

    private void inspect(String data) {
        JsonNode chunk = Jsons.parseOrNull(data);
        if (chunk == null) {
            return;
        }
        JsonNode meta = Jsons.field(chunk, "usageMetadata");
        if (meta != null) {
            usage = GeminiUsage.read(meta);
        }
        ErrorInfo error = GeminiChunks.error(chunk);
        if (error != null && fault == null) {
            fault = error.toFault();
        }
        if (sink != CompletionTextSink.NONE) {
            for (JsonNode p : GeminiChunks.firstCandidate(chunk).path("content").path("parts")) {
                String text = Jsons.text(p, "text");
                if (text != null) {
                    sink.append(text);
                }
            }
        }
    }
}
