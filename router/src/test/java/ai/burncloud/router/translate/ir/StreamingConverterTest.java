package ai.burncloud.router.translate.ir;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.TrackingAllocator;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingConverterTest {
    private final TrackingAllocator alloc = new TrackingAllocator();

    /** A reader scripted to emit fixed events per chunk. */
    private static final class Scripted implements UpstreamStreamReader {
        private final List<List<StreamEvent>> script;
        private int next;

        Scripted(List<List<StreamEvent>> script) {
            this.script = script;
        }

        @Override
        public void read(ByteBuf chunk, List<StreamEvent> out) {
            out.addAll(script.get(next++));
        }

        @Override
        public void finish(List<StreamEvent> out) {}

        @Override
        public void close() {}
    }

    private String feed(StreamingConverter c, int chunks, boolean end, GatewayError failure) {
        List<ByteBuf> out = new ArrayList<>();
        ByteBuf chunk = alloc.buffer(1).writeByte('x');
        for (int i = 0; i < chunks; i++) {
            c.onChunk(chunk, alloc, out);
        }
        chunk.release();
        if (end) {
            c.onEnd(alloc, out);
        }
        if (failure != null) {
            c.onFailure(failure, "broken", alloc, out);
        }
        c.close();
        StringBuilder sb = new StringBuilder();
        for (ByteBuf b : out) {
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        assertThat(alloc.unreleased()).isZero();
        return sb.toString();
    }

    private static ClientStreamWriter writer() {
        return new OpenAiChunkWriter("m", true, Clock.systemUTC());
    }

    @Test
    void afterAnUpstreamErrorNothingMoreReachesTheClient() {
        StreamingConverter c = new StreamingConverter(
                new Scripted(List.of(
                        List.of(new StreamEvent.Start("id1", "m"), new StreamEvent.Text("hi")),
                        List.of(new StreamEvent.Failed(ErrorInfo.upstream(429, "rate_limit_error", "slow down"))),
                        List.of(new StreamEvent.Text("late")))),
                writer(),
                text -> {});
        String out = feed(c, 3, true, GatewayError.UPSTREAM_ERROR);
        assertThat(out).contains("\"content\":\"hi\"").doesNotContain("late").doesNotContain("[DONE]");
        assertThat(out.split("\"error\"", -1)).hasSize(2); // exactly one error event
        assertThat(c.fault().type()).isEqualTo("rate_limit_error");
    }

    @Test
    void usageReportedAfterTheEndIsStillRecorded() {
        StreamingConverter c = new StreamingConverter(
                new Scripted(List.of(
                        List.of(new StreamEvent.Start("id1", "m"), new StreamEvent.End()),
                        List.of(new StreamEvent.Usage(TokenUsage.of(5, 7))))),
                writer(),
                text -> {});
        feed(c, 2, true, null);
        assertThat(c.usage()).isEqualTo(TokenUsage.of(5, 7));
    }

    @Test
    void aFailureAfterANormalEndAddsNothing() {
        StreamingConverter c =
                new StreamingConverter(new Scripted(List.of(List.of(new StreamEvent.Text("a")))), writer(), text -> {});
        String out = feed(c, 1, true, GatewayError.UPSTREAM_ERROR);
        assertThat(out).endsWith("data: [DONE]\n\n").doesNotContain("\"error\"");
    }

    @Test
    void anEventTheClientDialectCannotCarryEndsTheStreamWithAnError() {
        StreamingConverter c = new StreamingConverter(
                new Scripted(List.of(List.of(
                        new StreamEvent.ToolStart(0, "a", "f"),
                        new StreamEvent.ToolStart(1, "b", "g"),
                        new StreamEvent.ToolArgs(0, "{}")))),
                new ai.burncloud.router.translate.anthropic.AnthropicSseWriter("m"),
                text -> {});
        String out = feed(c, 1, true, null);
        assertThat(out).contains("event: error").contains("interleaved").doesNotContain("message_stop");
        assertThat(c.fault().type()).isEqualTo("upstream_protocol_error");
    }
}
