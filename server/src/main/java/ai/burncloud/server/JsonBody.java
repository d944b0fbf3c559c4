package ai.burncloud.server;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's JSON object, read strictly: malformed JSON, a non-object, duplicate keys or a field of
 * the wrong type is a 400 naming the field. Absent and {@code null} fields both read as null (which
 * the services treat as "not given"). Field values are never echoed back or logged.
 */
final class JsonBody {
    private static final ObjectReader STRICT = Json.mapper()
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private static final int MAX_STRING = 16 * 1024;

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    static JsonBody of(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("a JSON object body is required");
        }
        JsonNode n;
        try {
            n = STRICT.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("malformed JSON body");
        } catch (java.io.IOException e) {
            throw ApiException.invalid("unreadable body");
        }
        if (n == null || !n.isObject()) {
            throw ApiException.invalid("the body must be a JSON object");
        }
        return new JsonBody((ObjectNode) n);
    }

    /** An empty body reads as {}. */
    static JsonBody orEmpty(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return new JsonBody(Json.object());
        }
        return of(ctx);
    }

    private JsonNode field(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String name) {
        return field(name) != null;
    }

    String string(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalid(name + " must be a string");
        }
        if (v.asText().length() > MAX_STRING) {
            throw ApiException.invalid(name + " is too long");
        }
        return v.asText();
    }

    String requiredString(String name) {
        String s = string(name);
        if (s == null) {
            throw ApiException.invalid(name + " is required");
        }
        return s;
    }

    Integer integer(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.invalid(
                    name + " must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return v.intValue();
    }

    Boolean bool(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiException.invalid(name + " must be true or false");
        }
        return v.booleanValue();
    }

    /** A decimal number, as exact text for the services (which check sign, size and precision). */
    String amount(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        if (v.isTextual() && v.asText().length() <= 64) {
            try {
                return new BigDecimal(v.asText().strip()).toPlainString();
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw ApiException.invalid(name + " must be a number (decimal dollars)");
    }

    BigDecimal decimal(String name) {
        String a = amount(name);
        if (a == null) {
            return null;
        }
        if (a.length() > 40) {
            throw ApiException.invalid(name + " is out of range");
        }
        return new BigDecimal(a);
    }

    /** A number or a string (e.g. expiry: -1, unix seconds or ISO-8601), as text. */
    String numberOrString(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return String.valueOf(v.longValue());
        }
        if (v.isTextual() && v.asText().length() <= 64) {
            return v.asText();
        }
        throw ApiException.invalid(name + " must be a whole number or a string");
    }

    List<String> strings(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw ApiException.invalid(name + " must be an array of strings");
        }
        if (v.size() > 1000) {
            throw ApiException.invalid(name + " has too many entries");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().length() > 256) {
                throw ApiException.invalid(name + " must be an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A JSON object field as compact JSON text ("{}" when empty, null when absent). */
    String objectText(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw ApiException.invalid(name + " must be a JSON object");
        }
        return Json.write(v);
    }

    /** Every field, for option updates. */
    Map<String, JsonNode> fields() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
