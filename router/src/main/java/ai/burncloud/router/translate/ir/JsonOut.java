package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serialises JSON straight into buffers for the wire, bare or framed as server-sent events. Every
 * method returns a new buffer the caller owns.
 */
public final class JsonOut {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LF = {'\n'};
    private static final byte[] LF_LF = {'\n', '\n'};
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private JsonOut() {}

    public static ByteBuf json(ByteBufAllocator alloc, JsonNode node) {
        ByteBuf buf = alloc.buffer(256);
        return writeJson(buf, node);
    }

    /** {@code data: <json>} and a blank line (CRLF line ends when {@code crlf}, as Gemini sends). */
    public static ByteBuf sseData(ByteBufAllocator alloc, JsonNode node, boolean crlf) {
        ByteBuf buf = alloc.buffer(256);
        buf.writeBytes(DATA);
        writeJson(buf, node);
        buf.writeBytes(crlf ? CRLF_CRLF : LF_LF);
        return buf;
    }

    /** {@code event: <name>}, {@code data: <json>} and a blank line (Anthropic's framing). */
    public static ByteBuf sseEvent(ByteBufAllocator alloc, String event, JsonNode node) {
        ByteBuf buf = alloc.buffer(256);
        buf.writeBytes(EVENT);
        buf.writeCharSequence(event, StandardCharsets.US_ASCII);
        buf.writeBytes(LF);
        buf.writeBytes(DATA);
        writeJson(buf, node);
        buf.writeBytes(LF_LF);
        return buf;
    }

    public static ByteBuf ascii(ByteBufAllocator alloc, String text) {
        ByteBuf buf = alloc.buffer(text.length());
        buf.writeCharSequence(text, StandardCharsets.US_ASCII);
        return buf;
    }

    /** Appends {@code node} to {@code buf}; releases {@code buf} and rethrows if writing fails. */
    public static ByteBuf writeJson(ByteBuf buf, JsonNode node) {
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            Json.mapper().writeValue((java.io.OutputStream) out, node);
            return buf;
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }
}
