package ai.burncloud.service;

import ai.burncloud.common.Json;
import ai.burncloud.common.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation of operator input shared by the admin services. Every method either returns the clean
 * value or throws {@link ServiceException} of kind INVALID whose message names the field.
 */
final class Inputs {
    static final int MAX_NAME = 128;
    static final int MAX_LIST = 1000;
    private static final int MAX_JSON = 64 * 1024;
    private static final ObjectReader STRICT =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Inputs() {}

    /** A required, trimmed, single-line name of at most {@value #MAX_NAME} characters. */
    static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ServiceException.invalid(field + " must not be empty");
        }
        String v = value.strip();
        if (v.length() > MAX_NAME) {
            throw ServiceException.invalid(field + " is longer than " + MAX_NAME + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw ServiceException.invalid(field + " must not contain control characters");
        }
        return v;
    }

    /** A model, group or similar identifier: a name without whitespace or commas. */
    static String identifier(String field, String value) {
        String v = name(field, value);
        if (v.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == ',')) {
            throw ServiceException.invalid(field + " '" + v + "' must not contain spaces or commas");
        }
        return v;
    }

    /** A list of identifiers, trimmed, blanks dropped, duplicates removed, order kept. */
    static List<String> identifiers(String field, List<String> values, boolean required) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null && values.size() > MAX_LIST) {
            throw ServiceException.invalid(field + " may hold at most " + MAX_LIST + " entries");
        }
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(identifier(field, v));
                }
            }
        }
        if (required && out.isEmpty()) {
            throw ServiceException.invalid(field + " must name at least one entry");
        }
        return List.copyOf(new ArrayList<>(out));
    }

    /** A required non-negative dollar amount with at most 9 decimals, in nano-dollars. */
    static long dollars(String field, String text) {
        try {
            return Money.parseDollars(text);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(field + ": " + e.getMessage());
        }
    }

    /** Like {@link #dollars} but "-1" (in any numeric spelling) means unlimited. */
    static long dollarsOrUnlimited(String field, String text) {
        if (text != null) {
            try {
                if (new BigDecimal(text.strip()).compareTo(BigDecimal.ONE.negate()) == 0) {
                    return Money.UNLIMITED;
                }
            } catch (NumberFormatException e) {
                // reported by dollars() below
            }
        }
        return dollars(field, text);
    }

    /** A JSON object; null or blank input gives null. */
    static JsonNode jsonObject(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_JSON) {
            throw ServiceException.invalid(field + " is larger than " + MAX_JSON + " bytes");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw ServiceException.invalid(field + " is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw ServiceException.invalid(field + " must be a JSON object, e.g. {\"key\":\"value\"}");
        }
        return node;
    }

    /** A JSON object whose values are all strings, as an ordered map; null or blank gives an empty map. */
    static Map<String, String> stringMap(String field, String text) {
        JsonNode node = jsonObject(field, text);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw ServiceException.invalid(
                        field + " must map names to non-empty strings; '" + e.getKey() + "' does not");
            }
            out.put(
                    identifier(field + " key", e.getKey()),
                    identifier(field + " value", e.getValue().asText()));
        }
        return out;
    }

    static int atLeast(String field, Integer value, int min, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw ServiceException.invalid(field + " must be at least " + min + " (got " + value + ")");
        }
        return value;
    }

    /** User input quoted in a message, cut to a readable length. */
    static String clip(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 64 ? t.substring(0, 64) + "..." : t;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
