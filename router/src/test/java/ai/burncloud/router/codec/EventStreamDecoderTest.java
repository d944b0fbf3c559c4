package ai.burncloud.router.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.translate.TrackingAllocator;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class EventStreamDecoderTest {
    record Decoded(Map<String, String> headers, String payload) {}

    /** Feeds {@code bytes} in pieces of {@code step}; checks every buffer was released. */
    private static List<Decoded> decode(byte[] bytes, int step) {
        TrackingAllocator alloc = new TrackingAllocator();
        EventStreamDecoder decoder = new EventStreamDecoder(1 << 20);
        List<EventStreamMessage> messages = new ArrayList<>();
        List<Decoded> out = new ArrayList<>();
        try {
            for (int i = 0; i < bytes.length; i += step) {
                ByteBuf chunk = alloc.buffer().writeBytes(bytes, i, Math.min(step, bytes.length - i));
                try {
                    decoder.decode(chunk, messages);
                } finally {
                    chunk.release();
                }
                for (EventStreamMessage m : messages) {
                    out.add(new Decoded(m.headers(), m.payload().toString(StandardCharsets.UTF_8)));
                    m.release();
                }
                messages.clear();
            }
            assertThat(decoder.hasPartialMessage()).isFalse();
        } finally {
            decoder.close();
        }
        assertThat(alloc.unreleased()).isZero();
        return out;
    }

    @Test
    void decodesTheConverseStreamFixtureIdenticallyWholeOrByteByByte() {
        byte[] bytes = Fixtures.bytes("bedrock/converse-stream.text.eventstream.bin");
        List<Decoded> whole = decode(bytes, bytes.length);
        assertThat(whole)
                .extracting(d -> d.headers().get(":event-type"))
                .containsExactly(
                        "messageStart",
                        "contentBlockDelta",
                        "contentBlockDelta",
                        "contentBlockDelta",
                        "contentBlockStop",
                        "messageStop",
                        "metadata");
        assertThat(whole).allSatisfy(d -> {
            assertThat(d.headers().get(":message-type")).isEqualTo("event");
            assertThat(d.headers().get(":content-type")).isEqualTo("application/json");
        });
        assertThat(whole.get(0).payload()).isEqualTo("{\"p\":\"abcdefghij\",\"role\":\"assistant\"}");
        assertThat(whole.get(6).payload()).contains("\"inputTokens\":11,\"outputTokens\":6");
        for (int step = 1; step <= 13; step++) {
            assertThat(decode(bytes, step)).as("fed %d bytes at a time", step).isEqualTo(whole);
        }
    }

    @Test
    void theFirstFrameMatchesItsPublishedHexDump() {
        String hex = Fixtures.text("bedrock/converse-stream.text.first-frame.hex.txt")
                .replaceAll("\\s", "");
        byte[] frame = HexFormat.of().parseHex(hex);
        assertThat(frame).hasSize(135);
        List<Decoded> decoded = decode(frame, 1);
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).headers())
                .containsExactly(
                        Map.entry(":event-type", "messageStart"),
                        Map.entry(":content-type", "application/json"),
                        Map.entry(":message-type", "event"));
    }

    @Test
    void surfacesTheMidStreamThrottlingExceptionFrame() {
        byte[] bytes = Fixtures.bytes("bedrock/converse-stream.throttling-midstream.eventstream.bin");
        List<Decoded> decoded = decode(bytes, 1);
        assertThat(decoded).hasSize(3);
        Decoded last = decoded.get(2);
        assertThat(last.headers().get(":message-type")).isEqualTo("exception");
        assertThat(last.headers().get(":exception-type")).isEqualTo("throttlingException");
        assertThat(last.payload()).isEqualTo("{\"message\":\"Too many requests, please wait before trying again.\"}");
    }

    @Test
    void decodesInvokeWithResponseStreamChunks() {
        byte[] bytes = Fixtures.bytes("bedrock/invoke-with-response-stream.anthropic.eventstream.bin");
        List<Decoded> decoded = decode(bytes, 7);
        assertThat(decoded)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.headers().get(":event-type")).isEqualTo("chunk"));
    }

    @Test
    void aFlippedPayloadByteFailsTheMessageCrc() {
        byte[] bytes = Fixtures.bytes("bedrock/converse-stream.text.eventstream.bin");
        bytes[100] ^= 0x01; // inside the first message's payload
        assertThatThrownBy(() -> decode(bytes, 1))
                .isInstanceOf(EventStreamCorruptedException.class)
                .hasMessageContaining("message CRC");
    }

    @Test
    void aFlippedLengthByteFailsThePreludeCrcBeforeTheLengthIsTrusted() {
        byte[] bytes = Fixtures.bytes("bedrock/converse-stream.text.eventstream.bin");
        bytes[2] = 0x7f; // total length now ~8 MB: must be caught by the prelude CRC, not waited for
        assertThatThrownBy(() -> decode(bytes, 1))
                .isInstanceOf(EventStreamCorruptedException.class)
                .hasMessageContaining("prelude CRC");
    }

    @Test
    void everyHeaderTypeIsSkippedBySize() {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, "t", 0, new byte[0]);
        header(headers, "f", 1, new byte[0]);
        header(headers, "b", 2, new byte[] {-3});
        header(headers, "s", 3, ByteBuffer.allocate(2).putShort((short) 300).array());
        header(headers, "i", 4, ByteBuffer.allocate(4).putInt(70000).array());
        header(headers, "l", 5, ByteBuffer.allocate(8).putLong(1L << 40).array());
        header(headers, "y", 6, lengthPrefixed(new byte[] {1, 2, 3}));
        header(headers, ":message-type", 7, lengthPrefixed("event".getBytes(StandardCharsets.UTF_8)));
        header(
                headers,
                "ts",
                8,
                ByteBuffer.allocate(8).putLong(1_700_000_000_000L).array());
        header(headers, "u", 9, new byte[16]);
        byte[] message = message(headers.toByteArray(), "{}".getBytes(StandardCharsets.UTF_8));
        List<Decoded> decoded = decode(message, 1);
        assertThat(decoded.get(0).headers())
                .containsEntry("t", "true")
                .containsEntry("f", "false")
                .containsEntry("b", "-3")
                .containsEntry("s", "300")
                .containsEntry("i", "70000")
                .containsEntry("l", Long.toString(1L << 40))
                .containsEntry("y", "010203")
                .containsEntry(":message-type", "event")
                .containsEntry("ts", "1700000000000")
                .containsEntry("u", "00000000000000000000000000000000");
        assertThat(decoded.get(0).payload()).isEqualTo("{}");
    }

    @Test
    void anUnknownHeaderTypeIsCorruption() {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, "x", 42, new byte[0]);
        byte[] message = message(headers.toByteArray(), new byte[0]);
        assertThatThrownBy(() -> decode(message, message.length)).isInstanceOf(EventStreamCorruptedException.class);
    }

    static byte[] message(byte[] headers, byte[] payload) {
        int total = 16 + headers.length + payload.length;
        ByteBuffer b = ByteBuffer.allocate(total);
        b.putInt(total).putInt(headers.length);
        b.putInt((int) crc(b.array(), 0, 8));
        b.put(headers).put(payload);
        b.putInt((int) crc(b.array(), 0, total - 4));
        return b.array();
    }

    private static void header(ByteArrayOutputStream out, String name, int type, byte[] value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        out.write(n.length);
        out.writeBytes(n);
        out.write(type);
        out.writeBytes(value);
    }

    private static byte[] lengthPrefixed(byte[] value) {
        return ByteBuffer.allocate(2 + value.length)
                .putShort((short) value.length)
                .put(value)
                .array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, offset, length);
        return c.getValue();
    }
}
