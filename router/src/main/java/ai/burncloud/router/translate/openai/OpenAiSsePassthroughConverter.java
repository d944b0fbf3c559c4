package ai.burncloud.router.translate.openai;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.codec.SseEvent;
import ai.burncloud.router.codec.SseFrameDecoder;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Same-dialect streams (OpenAI, Azure, Qwen and every OpenAI-compatible host): each event is
 * forwarded as the upstream's own bytes, in order, as soon as it is complete. On the way the usage
 * is read (from the final usage chunk, or Responses' {@code response.completed}) and the generated
 * text counted. When the router asked for {@code include_usage} on the client's behalf, the
 * usage-only chunk (empty {@code choices} plus a usage object) is withheld, so the client gets the
 * stream it asked for. Azure's leading {@code choices: []} content-filter chunk carries no usage and
 * passes through; Qwen's {@code "usage": null} on every chunk is not mistaken for usage.
 */
final class OpenAiSsePassthroughConverter implements ResponseConverter {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

    private final SseFrameDecoder decoder = new SseFrameDecoder(MAX_EVENT_BYTES);
    private final OpenAiPayloadReader reader;
    private static final int MAX_SCRATCH = 64 * 1024;

    private final boolean withholdUsageChunk;
    private final OpenAiUsageChunk usageChunk;
    private boolean usageSent;
    private boolean doneNext;
    private final CompletionTextSink sink;
    private final JsonTextScanner text = new JsonTextScanner();
    private byte[] scratch = new byte[512];
    private final List<SseEvent> events = new ArrayList<>(4);
    private UpstreamFault fault;

    /**
     * @param usageChunk set when the client asked for usage: written from the gateway's own count if
     *     the upstream ends without one; null otherwise
     */
    OpenAiSsePassthroughConverter(CompletionTextSink sink, boolean withholdUsageChunk, OpenAiUsageChunk usageChunk) {
        this.reader = new OpenAiPayloadReader(sink);
        this.withholdUsageChunk = withholdUsageChunk;
        this.usageChunk = usageChunk;
        this.sink = sink;
    }

    OpenAiSsePassthroughConverter(CompletionTextSink sink, boolean withholdUsageChunk) {
        this(sink, withholdUsageChunk, null);
    }

    @Override
    public String contentType() {
        return "text/event-stream";
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        decoder.decode(chunk.duplicate(), events); // the caller's indexes stay where they are
        drain(out);
    }

    @Override
    public void onEnd(ByteBufAllocator alloc, List<ByteBuf> out) {
        decoder.finish(events);
        drain(out);
        addUsageIfMissing(out); // a stream that ended without [DONE]
    }

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {
        out.add(errorEvent(error, message));
    }

    /** The error chunk the OpenAI SDKs raise on: {@code data: {"error":{…}}}. */
    static ByteBuf errorEvent(GatewayError error, String message) {
        String json = Json.write(Json.openAiError(error, message));
        return Unpooled.wrappedBuffer(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public TokenUsage usage() {
        return reader.usage();
    }

    @Override
    public UpstreamFault fault() {
        return fault;
    }

    @Override
    public void close() {
        decoder.close();
        SseEvent.releaseAll(events);
    }

    private void drain(List<ByteBuf> out) {
        for (int i = 0; i < events.size(); i++) {
            SseEvent event = events.get(i);
            if (forward(event)) {
                if (doneNext) {
                    addUsageIfMissing(out); // the usage chunk goes just before [DONE], as OpenAI sends it
                    doneNext = false;
                }
                out.add(event.takeRaw());
            } else {
                event.release();
            }
        }
        events.clear();
    }

    /**
     * Reads the event; returns whether the client should receive it. Most events are looked at only as
     * bytes: one bulk copy, a scan for a usage object or an error, and the generated text lifted out
     * by {@link JsonTextScanner}. Only the usage chunk (once per stream) and errors are JSON-parsed.
     */
    private boolean forward(SseEvent event) {
        ByteBuf raw = event.raw();
        int n = raw.readableBytes();
        byte[] b = bytes(n);
        raw.getBytes(raw.readerIndex(), b, 0, n);
        int start = SseDataLine.start(b, n);
        if (start < 0) {
            return true; // a comment or an event without data: nothing of ours in it
        }
        // OpenAI-compatible hosts send one data line per event: its payload ends where the trailing
        // line ends begin. (A multi-line event only blurs the text estimate; usage and errors are read
        // from the event's proper SSE parse below.)
        int end = n;
        while (end > start && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        if (OpenAiUsageBytes.isDone(b, start, end)) {
            doneNext = true;
            return true;
        }
        if (usageChunk != null) {
            usageChunk.observe(b, start, end);
        }
        if (OpenAiUsageBytes.hasUsageObject(b, start, end) || OpenAiUsageBytes.isError(b, start, end)) {
            return forwardParsed(event);
        }
        text.scan(b, start, end, sink);
        return true;
    }

    /** Writes the gateway's own usage chunk if the client asked for one and the upstream sent none. */
    private void addUsageIfMissing(List<ByteBuf> out) {
        if (usageChunk == null || usageSent || fault != null) {
            return;
        }
        usageSent = true;
        TokenUsage reported = reader.usage();
        if (reported.prompt() == TokenUsage.UNREPORTED && reported.completion() == TokenUsage.UNREPORTED) {
            out.add(usageChunk.write(sink.estimate()));
        }
    }

    /** The full parse, for the usage chunk, errors and multi-line events. */
    private boolean forwardParsed(SseEvent event) {
        String data = event.data();
        if (data == null || data.isEmpty() || data.equals("[DONE]")) {
            return true;
        }
        try (JsonParser p = FACTORY.createParser(data)) {
            reader.consume(p);
        } catch (IOException e) {
            return true; // not JSON: not ours to judge, the client gets it as sent
        }
        byte[] d = data.getBytes(StandardCharsets.UTF_8);
        if (OpenAiUsageBytes.isError(d, 0, d.length)) {
            JsonNode error = Json.parse(data).path("error");
            fault = new UpstreamFault(
                    error.path("type").asText("error"), error.path("message").asText(""));
        }
        return !(withholdUsageChunk
                && OpenAiUsageBytes.hasUsageObject(d, 0, d.length)
                && OpenAiUsageBytes.hasEmptyChoices(d, 0, d.length));
    }

    /** A scratch array of at least {@code n} bytes; kept when small, so a stream reuses one. */
    private byte[] bytes(int n) {
        if (n <= scratch.length) {
            return scratch;
        }
        if (n > MAX_SCRATCH) {
            return new byte[n];
        }
        scratch = new byte[Math.min(MAX_SCRATCH, Integer.highestOneBit(n) << 1)];
        return scratch;
    }
}
