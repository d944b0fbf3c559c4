package ai.burncloud.router.translate.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Encodes ConverseStream frames for tests (the layout of the fixture README, CRCs computed here). */
final class EventStreams {
    private EventStreams() {}

    static byte[] event(String eventType, String json) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, ":event-type", eventType);
        header(headers, ":content-type", "application/json");
        header(headers, ":message-type", "event");
        return message(headers.toByteArray(), json.getBytes(StandardCharsets.UTF_8));
    }

    /** An exception frame, as Bedrock sends after HTTP 200 (e.g. {@code throttlingException}). */
    static byte[] exception(String exceptionType, String json) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, ":exception-type", exceptionType);
        header(headers, ":content-type", "application/json");
        header(headers, ":message-type", "exception");
        return message(headers.toByteArray(), json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.write(n.length);
        out.writeBytes(n);
        out.write(7);
        out.write(v.length >> 8);
        out.write(v.length & 0xff);
        out.writeBytes(v);
    }

    private static byte[] message(byte[] headers, byte[] payload) {
        int total = 16 + headers.length + payload.length;
        ByteBuffer b = ByteBuffer.allocate(total);
        b.putInt(total).putInt(headers.length);
        b.putInt((int) crc(b.array(), 8));
        b.put(headers).put(payload);
        b.putInt((int) crc(b.array(), total - 4));
        return b.array();
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, 0, length);
        return c.getValue();
    }

    /** A ConverseStream answer that says a word, then calls a tool, with cache usage. */
    static byte[] toolUseStream() {
        return concat(
                event("messageStart", "{\"role\":\"assistant\"}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Checking.\"}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                event(
                        "contentBlockStart",
                        "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_abc\",\"name\":\"lookup\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"q\\\":\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"\\\"x\\\"}\"}}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":1}"),
                event("messageStop", "{\"stopReason\":\"tool_use\"}"),
                event(
                        "metadata",
                        "{\"usage\":{\"inputTokens\":11,\"outputTokens\":254,\"totalTokens\":1849,"
                                + "\"cacheReadInputTokens\":0,\"cacheWriteInputTokens\":1584},\"metrics\":{\"latencyMs\":900}}"));
    }
}
