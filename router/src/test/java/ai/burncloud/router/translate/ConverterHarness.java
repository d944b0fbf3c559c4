package ai.burncloud.router.translate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Feeds recorded upstream bytes through a {@link ResponseConverter} the way the pipeline would, and
 * returns what the client would receive. Every buffer is released, so paranoid leak detection
 * catches a converter that leaks.
 */
public final class ConverterHarness {
    /** Random ids minted by writers when an upstream gave none; masked so outputs can be compared. */
    private static final Pattern MINTED_ID = Pattern.compile("(chatcmpl-|msg_|toolu_|call_|resp_)gw[A-Za-z0-9]{24}");

    /** For request-side calls; response runs use a fresh {@link TrackingAllocator} each. */
    public static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    private ConverterHarness() {}

    /** The result of one run: the client's bytes as text, and what the converter reported. */
    public record Run(String output, ai.burncloud.common.TokenUsage usage, UpstreamFault fault, String contentType) {
        /** The JSON payloads of the SSE {@code data:} lines (skipping {@code [DONE]}). */
        public List<JsonNode> dataJson() {
            List<JsonNode> out = new ArrayList<>();
            for (String line : output.split("\r?\n")) {
                if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                    out.add(Json.parse(line.substring(6)));
                }
            }
            return out;
        }

        /** The {@code event:} names in order. */
        public List<String> eventNames() {
            List<String> out = new ArrayList<>();
            for (String line : output.split("\r?\n")) {
                if (line.startsWith("event: ")) {
                    out.add(line.substring(7));
                }
            }
            return out;
        }

        public JsonNode json() {
            return Json.parse(output);
        }
    }

    /** Feeds {@code bytes} split at the given offsets, then ends the body. */
    public static Run run(Supplier<ResponseConverter> factory, byte[] bytes, int... cuts) {
        return drive(factory, (c, alloc, out, text) -> {
            int from = 0;
            for (int cut : cuts) {
                feed(c, alloc, bytes, from, cut, out, text);
                from = cut;
            }
            feed(c, alloc, bytes, from, bytes.length, out, text);
            c.onEnd(alloc, out);
        });
    }

    /**
     * Feeds {@code head}, then reports an upstream failure (the connection broke), as the pipeline
     * does once bytes have reached the client.
     */
    public static Run runThenFail(
            Supplier<ResponseConverter> factory, byte[] head, ai.burncloud.common.GatewayError error, String message) {
        return drive(factory, (c, alloc, out, text) -> {
            feed(c, alloc, head, 0, head.length, out, text);
            c.onFailure(error, message, alloc, out);
        });
    }

    /** What a run does to its converter between creating it and collecting what it said last. */
    private interface Steps {
        void apply(ResponseConverter c, TrackingAllocator alloc, List<ByteBuf> out, StringBuilder text);
    }

    /**
     * One converter's life as the pipeline lives it: {@code steps}, then the last output collected,
     * then {@code close()}, then every buffer of the run checked for release.
     */
    private static Run drive(Supplier<ResponseConverter> factory, Steps steps) {
        TrackingAllocator alloc = new TrackingAllocator();
        ResponseConverter c = factory.get();
        List<ByteBuf> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Run run;
        try {
            steps.apply(c, alloc, out, text);
            drain(out, text);
            run = new Run(mask(text.toString()), c.usage(), c.fault(), c.contentType());
        } finally {
            c.close();
            drain(out, new StringBuilder());
        }
        assertThat(alloc.unreleased()).as("buffers left unreleased").isZero();
        return run;
    }

    /** Feeds {@code bytes} one byte at a time. */
    public static Run runByteByByte(Supplier<ResponseConverter> factory, byte[] bytes) {
        int[] cuts = new int[Math.max(0, bytes.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return run(factory, bytes, cuts);
    }

    /**
     * Asserts that cutting the input at every byte boundary (and feeding it byte by byte) gives the
     * same client output and usage as feeding it whole; returns the whole run.
     */
    public static Run assertSplitInvariant(Supplier<ResponseConverter> factory, byte[] bytes) {
        Run whole = run(factory, bytes);
        for (int i = 1; i < bytes.length; i++) {
            Run split = run(factory, bytes, i);
            assertThat(split.output()).as("output with a cut at byte %d", i).isEqualTo(whole.output());
            assertThat(split.usage()).as("usage with a cut at byte %d", i).isEqualTo(whole.usage());
        }
        Run bytewise = runByteByByte(factory, bytes);
        assertThat(bytewise.output()).as("output fed byte by byte").isEqualTo(whole.output());
        assertThat(bytewise.usage()).isEqualTo(whole.usage());
        assertThat(bytewise.fault()).isEqualTo(whole.fault());
        return whole;
    }

    public static byte[] fixture(String name) {
        return Fixtures.bytes(name);
    }

    public static String fixtureText(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    /** What a translated error gave the client: the status and the body as text. */
    public record TranslatedError(int status, String body) {
        public JsonNode json() {
            return Json.parse(body);
        }
    }

    /**
     * Translates an upstream error answer the way the pipeline does (the upstream body released
     * once translated) and reads the client's body, releasing it too.
     */
    public static TranslatedError translateError(Translator translator, int upstreamStatus, String upstreamBody) {
        ByteBuf body = buf(upstreamBody);
        ClientError error = translator.translateError(upstreamStatus, body, ALLOC);
        body.release();
        return new TranslatedError(error.status(), text(error.body()));
    }

    public static ByteBuf buf(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    public static String text(ByteBuf buf) {
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    private static void feed(
            ResponseConverter c,
            TrackingAllocator alloc,
            byte[] bytes,
            int from,
            int to,
            List<ByteBuf> out,
            StringBuilder text) {
        if (to <= from) {
            return;
        }
        ByteBuf chunk = alloc.buffer(to - from).writeBytes(bytes, from, to - from);
        try {
            c.onChunk(chunk, alloc, out);
            // the contract: the caller's buffer is read, never moved (the router counts what it drained)
            assertThat(chunk.readerIndex()).as("reader index after onChunk").isZero();
            assertThat(chunk.writerIndex()).as("writer index after onChunk").isEqualTo(to - from);
        } finally {
            chunk.release();
        }
        drain(out, text);
    }

    private static void drain(List<ByteBuf> out, StringBuilder text) {
        for (ByteBuf b : out) {
            text.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        out.clear();
    }

    private static String mask(String s) {
        return MINTED_ID.matcher(s).replaceAll("$1<id>");
    }
}
