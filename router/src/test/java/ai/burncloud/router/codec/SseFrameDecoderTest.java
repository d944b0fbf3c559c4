package ai.burncloud.router.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFrameDecoderTest {
    private static final Path FIXTURES = ai.burncloud.common.testing.Fixtures.dir();

    /** Decodes {@code bytes} fed in pieces of {@code step} bytes; returns each event's raw text. */
    private static List<String> decode(byte[] bytes, int step) {
        SseFrameDecoder decoder = new SseFrameDecoder(1 << 20);
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += step) {
            ByteBuf chunk = Unpooled.copiedBuffer(bytes, i, Math.min(step, bytes.length - i));
            decoder.decode(chunk, events);
            chunk.release();
        }
        decoder.finish(events);
        List<String> raw = new ArrayList<>();
        for (SseEvent e : events) {
            raw.add(e.raw().toString(StandardCharsets.UTF_8));
            e.release();
        }
        return raw;
    }

    @Test
    void splitsLfCrlfAndLoneCrEvents() {
        byte[] in = "data: a\n\ndata: b\r\n\r\nevent: x\rdata: c\r\rdata: d\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(decode(in, in.length))
                .containsExactly("data: a\n\n", "data: b\r\n\r\n", "event: x\rdata: c\r\r", "data: d\n\n");
    }

    @Test
    void everySplitPointGivesTheSameEvents() throws IOException {
        for (String fixture : List.of(
                "openai/chat-stream-include-usage.weather-sf.sse",
                "gemini/streamGenerateContent-alt-sse.text.sse",
                "anthropic/messages-stream.recorded-real.sse",
                "anthropic/messages-stream.basic_response.sse")) {
            byte[] bytes = Files.readAllBytes(FIXTURES.resolve(fixture));
            List<String> whole = decode(bytes, bytes.length);
            assertThat(whole).as(fixture).hasSizeGreaterThan(2);
            for (int step = 1; step <= 17; step++) {
                assertThat(decode(bytes, step)).as(fixture + " step " + step).isEqualTo(whole);
            }
            // nothing is lost or added: the events are the input minus stray blank lines
            assertThat(String.join("", whole).replaceAll("[\r\n]", ""))
                    .isEqualTo(new String(bytes, StandardCharsets.UTF_8).replaceAll("[\r\n]", ""));
        }
    }

    @Test
    void parsesEventAndMultiLineData() {
        SseFrameDecoder decoder = new SseFrameDecoder(1024);
        List<SseEvent> events = new ArrayList<>();
        ByteBuf in = Unpooled.copiedBuffer(
                ": comment\nevent: message_start\ndata: {\"a\":\ndata:1}\nid: 7\n\n", StandardCharsets.UTF_8);
        decoder.decode(in, events);
        in.release();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).event()).isEqualTo("message_start");
        assertThat(events.get(0).data()).isEqualTo("{\"a\":\n1}");
        events.get(0).release();
        decoder.close();
    }

    @Test
    void linesLongerThan64KiBSurvive() {
        String big = "x".repeat(200_000);
        byte[] in = ("data: " + big + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
        List<String> events = decode(in, 8192);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).hasSize(200_008);
    }

    @Test
    void anEventOverTheLimitFails() {
        SseFrameDecoder decoder = new SseFrameDecoder(1000);
        ByteBuf in = Unpooled.copiedBuffer("data: " + "y".repeat(2000), StandardCharsets.UTF_8);
        List<SseEvent> events = new ArrayList<>();
        assertThatThrownBy(() -> decoder.decode(in, events)).isInstanceOf(SseFrameTooLongException.class);
        in.release();
        decoder.close();
    }

    @Test
    void pendingBytesAreNotMovedUnderSlicesStillInUse() {
        SseFrameDecoder decoder = new SseFrameDecoder(1 << 20);
        List<SseEvent> events = new ArrayList<>();
        for (String part : List.of("data: on", "e\n\ndata: tw", "o\n\ndata: three\n", "\n")) {
            ByteBuf b = Unpooled.copiedBuffer(part, StandardCharsets.UTF_8);
            decoder.decode(b, events);
            b.release();
        }
        decoder.close();
        assertThat(events).extracting(SseEvent::data).containsExactly("one", "two", "three");
        events.forEach(SseEvent::release);
    }
}
