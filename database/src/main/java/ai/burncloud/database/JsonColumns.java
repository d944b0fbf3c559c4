package ai.burncloud.database;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** List and map columns are stored as JSON text so one schema serves SQLite and PostgreSQL. */
final class JsonColumns {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private JsonColumns() {}

    static String list(List<String> values) {
        return values == null || values.isEmpty() ? null : Json.write(values);
    }

    static String listNotNull(List<String> values) {
        return Json.write(values == null ? List.of() : values);
    }

    static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(Json.mapper().readValue(text, LIST));
        } catch (JsonProcessingException e) {
            throw new DataAccessException("corrupt list column: " + text, e);
        }
    }

    static String map(Map<String, String> values) {
        return values == null || values.isEmpty() ? null : Json.write(values);
    }

    static Map<String, String> map(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return java.util.Collections.unmodifiableMap(Json.mapper().readValue(text, MAP));
        } catch (JsonProcessingException e) {
            throw new DataAccessException("corrupt map column: " + text, e);
        }
    }
}
