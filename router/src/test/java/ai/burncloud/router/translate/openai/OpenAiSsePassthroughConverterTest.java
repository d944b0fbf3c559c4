package ai.burncloud.router.translate.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.common.testing.Fixtures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same-dialect stream converter, fed recorded streams cut at every byte boundary. */
class OpenAiSsePassthroughConverterTest {
    record Run(String client, TokenUsage usage, String text) {}

    private static Run run(byte[] stream, int step, boolean withhold) {
        StringBuilder text = new StringBuilder();
        OpenAiSsePassthroughConverter c = new OpenAiSsePassthroughConverter(text::append, withhold);
        List<ByteBuf> out = new ArrayList<>();
        StringBuilder client = new StringBuilder();
        for (int i = 0; i < stream.length; i += step) {
            ByteBuf in = Unpooled.wrappedBuffer(stream, i, Math.min(step, stream.length - i));
            c.onChunk(in, ByteBufAllocator.DEFAULT, out);
            in.release();
            drain(out, client);
        }
        c.onEnd(ByteBufAllocator.DEFAULT, out);
        drain(out, client);
        TokenUsage usage = c.usage();
        c.close();
        return new Run(client.toString(), usage, text.toString());
    }

    private static void drain(List<ByteBuf> out, StringBuilder client) {
        for (ByteBuf b : out) {
            client.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        out.clear();
    }

    /** What the content deltas of an OpenAI stream say, read the slow and sure way. */
    private static String contents(String stream) {
        StringBuilder sb = new StringBuilder();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: {")) {
                Json.parse(line.substring(6)).path("choices").forEach(ch -> {
                    var delta = ch.path("delta");
                    if (delta.path("content").isTextual()) {
                        sb.append(delta.path("content").asText());
                    }
                    delta.path("tool_calls").forEach(tc -> {
                        if (tc.path("function").path("arguments").isTextual()) {
                            sb.append(tc.path("function").path("arguments").asText());
                        }
                    });
                });
            }
        }
        return sb.toString();
    }

    @Test
    void recordedStreamsPassUntouchedAtEverySplitAndYieldUsageAndText() {
        for (String fixture : List.of(
                "openai/chat-stream-include-usage.weather-sf.sse",
                "openai/chat-stream-include-usage.tool-call.sse",
                "openai/chat-stream-include-usage.logprobs-say-foo.sse",
                "dashscope/compatible-mode-chat-stream-include-usage.doc-example.sse",
                "azure/chat-stream.recorded-real.sse")) {
            byte[] bytes = Fixtures.bytes(fixture);
            String original = new String(bytes, StandardCharsets.UTF_8);
            Run whole = run(bytes, bytes.length, false);
            assertThat(whole.client()).as(fixture).isEqualTo(original);
            assertThat(whole.text()).as(fixture).isEqualTo(contents(original));
            for (int step : new int[] {1, 2, 3, 7, 64, 333}) {
                assertThat(run(bytes, step, false))
                        .as(fixture + " step " + step)
                        .isEqualTo(whole);
            }
        }
    }

    @Test
    void usageComesFromTheUsageChunkAndQwensNullsAreNotUsage() {
        Run weather = run(Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse"), 100, false);
        assertThat(weather.usage().prompt()).isEqualTo(14);
        assertThat(weather.usage().completion()).isEqualTo(30);
        Run qwen =
                run(Fixtures.bytes("dashscope/compatible-mode-chat-stream-include-usage.doc-example.sse"), 100, false);
        assertThat(qwen.usage().prompt()).isEqualTo(1276);
        assertThat(qwen.usage().completion()).isEqualTo(79);
        Run azure = run(Fixtures.bytes("azure/chat-stream.recorded-real.sse"), 100, false);
        assertThat(azure.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(azure.text()).isNotBlank();
    }

    @Test
    void theUsageChunkTheRouterAskedForIsWithheldAndNothingElse() {
        byte[] bytes = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
        Run withheld = run(bytes, 50, true);
        String original = new String(bytes, StandardCharsets.UTF_8);
        String usageChunk = original.lines()
                .filter(l -> l.contains("\"choices\":[]") && l.contains("\"usage\":{"))
                .findFirst()
                .orElseThrow();
        assertThat(withheld.client()).isEqualTo(original.replace(usageChunk + "\n\n", ""));
        assertThat(withheld.usage().completion()).isEqualTo(30);
        // Azure's first chunk also has empty choices, but no usage: it is not withheld
        byte[] azure = Fixtures.bytes("azure/chat-stream.recorded-real.sse");
        assertThat(run(azure, 64, true).client()).isEqualTo(new String(azure, StandardCharsets.UTF_8));
    }

    @Test
    void escapedAndUnicodeTextIsDecoded() {
        String chunk =
                "data: {\"choices\":[{\"delta\":{\"content\":\"say \\\"hi\\\"\\n\\u00e9t\u00e9 \\u2603\"}}]}\n\n";
        Run r = run(chunk.getBytes(StandardCharsets.UTF_8), 5, false);
        assertThat(r.text()).isEqualTo("say \"hi\"\nété ☃");
        assertThat(r.client()).isEqualTo(chunk);
    }

    @Test
    void anErrorChunkIsAFault() {
        String chunk = "data: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}\n\n";
        OpenAiSsePassthroughConverter c = new OpenAiSsePassthroughConverter(t -> {}, false);
        List<ByteBuf> out = new ArrayList<>();
        ByteBuf in = Unpooled.copiedBuffer(chunk, StandardCharsets.UTF_8);
        c.onChunk(in, ByteBufAllocator.DEFAULT, out);
        in.release();
        assertThat(c.fault().type()).isEqualTo("server_error");
        assertThat(c.fault().message()).isEqualTo("boom");
        out.forEach(ByteBuf::release);
        c.close();
    }
}
