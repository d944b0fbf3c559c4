package ai.burncloud.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The shared, immutable Jackson configuration. {@link ObjectMapper} is thread-safe once configured,
 * so one instance serves the whole process; nothing may reconfigure it after construction.
 */
public final class Json {
    /**
     * The same reading limits on every door, whether a door reads a body as a tree or streams over it:
     * strings as long as the body may be (MAX_REQUEST_BODY_MB bounds them; Jackson's default of 20 M
     * characters made two doors refuse what the third accepted), nesting at most 1,000 deep.
     */
    public static final com.fasterxml.jackson.core.StreamReadConstraints READ_LIMITS =
            com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(1000)
                    .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(READ_LIMITS)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON text; throws {@link IllegalArgumentException} with a short reason on bad input. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** The OpenAI error body: {@code {"error":{"message","type","code"}}}. */
    public static ObjectNode openAiError(GatewayError error, String message) {
        ObjectNode root = object();
        ObjectNode body = root.putObject("error");
        body.put("message", message);
        body.put("type", error.type());
        body.put("code", error.code());
        return root;
    }
}
