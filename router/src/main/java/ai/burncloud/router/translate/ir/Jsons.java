package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;

/** Lenient reading helpers for the JSON trees translators walk. */
public final class Jsons {
    private Jsons() {}

    /** A field's text when it is a JSON string, else null (absent, null, or another type). */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** A field when present and not JSON null, else null. */
    public static JsonNode field(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    /** A field's integer value, or {@code fallback} when it is not a number. */
    public static long number(JsonNode node, String field, long fallback) {
        JsonNode v = field(node, field);
        return v != null && v.isNumber() ? v.asLong() : fallback;
    }

    public static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Parses the readable bytes of {@code buf} without moving its indexes; null when not JSON. */
    public static JsonNode parseOrNull(ByteBuf buf) {
        if (buf == null || !buf.isReadable()) {
            return null;
        }
        try (ByteBufInputStream in = new ByteBufInputStream(buf.duplicate())) {
            return Json.mapper().readTree((java.io.InputStream) in);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code {"type":"object","properties":{}}}: the schema of a tool that takes no arguments. */
    public static JsonNode emptyObjectSchema() {
        return Json.object().put("type", "object").set("properties", Json.object());
    }

    public static Double dbl(JsonNode n) {
        return n != null && n.isNumber() ? n.asDouble() : null;
    }

    public static Long longOrNull(JsonNode n) {
        return n != null && n.isNumber() ? n.asLong() : null;
    }

    public static Integer intOrNull(JsonNode n) {
        return n != null && n.isNumber() ? n.asInt() : null;
    }

    public static Boolean bool(JsonNode n) {
        return n != null && n.isBoolean() ? n.asBoolean() : null;
    }
}
