package ai.burncloud.router.translate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The few top-level fields the router itself needs from a JSON body, read in one streaming pass
 * without building a tree: model (and where its value sits, so it can be patched in place), stream,
 * stream_options.include_usage and the max-token fields (Gemini's inside generationConfig). Nested
 * values are skipped. A max-token field must be a whole number from 1 to {@value #MAX_TOKENS_LIMIT}:
 * anything else is refused here rather than forwarded (a negative one came back as negative usage).
 */
public record RequestFields(
        String model,
        int modelStart,
        int modelEnd,
        boolean stream,
        boolean hasStreamOptions,
        boolean includeUsage,
        long maxTokens) {

    /** Far above any model's output limit, far below where cost arithmetic could overflow. */
    public static final long MAX_TOKENS_LIMIT = 10_000_000L;

    private static final JsonFactory FACTORY = ai.burncloud.common.Json.mapper().getFactory();

    /** Thrown for a body that is not one JSON object. */
    public static final class MalformedJson extends Exception {
        MalformedJson(String message) {
            super(message, null, false, false);
        }
    }

    public static RequestFields parse(byte[] body, int offset, int length) throws MalformedJson {
        String model = null;
        int modelStart = -1;
        int modelEnd = -1;
        boolean stream = false;
        boolean hasStreamOptions = false;
        boolean includeUsage = false;
        long maxTokens = -1;
        try (JsonParser p = FACTORY.createParser(body, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedJson("request body must be a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "model" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            modelStart = (int) p.currentTokenLocation().getByteOffset() - offset;
                            model = p.getText();
                            modelEnd = (int) p.currentLocation().getByteOffset() - offset;
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "stream" -> stream = value == JsonToken.VALUE_TRUE;
                    case "stream_options" -> {
                        if (value == JsonToken.START_OBJECT) {
                            hasStreamOptions = true;
                            includeUsage = readIncludeUsage(p);
                        } else if (value != JsonToken.VALUE_NULL) {
                            p.skipChildren();
                        }
                    }
                    case "max_tokens", "max_completion_tokens", "max_output_tokens" -> {
                        maxTokens = Math.max(maxTokens, maxTokens(p, name, value));
                    }
                    case "generationConfig" -> {
                        if (value == JsonToken.START_OBJECT) {
                            maxTokens = Math.max(maxTokens, readMaxOutputTokens(p));
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new MalformedJson("request body must be one JSON object");
            }
        } catch (JsonParseException e) {
            throw new MalformedJson("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJson("request body is not valid JSON");
        }
        return new RequestFields(model, modelStart, modelEnd, stream, hasStreamOptions, includeUsage, maxTokens);
    }

    /** A max-token value: null means "not set" (-1); anything but 1..MAX_TOKENS_LIMIT is refused. */
    private static long maxTokens(JsonParser p, String name, JsonToken value) throws IOException, MalformedJson {
        if (value == JsonToken.VALUE_NULL) {
            return -1;
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            p.skipChildren();
            throw new MalformedJson(name + " must be a whole number");
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || p.getLongValue() < 1
                || p.getLongValue() > MAX_TOKENS_LIMIT) {
            throw new MalformedJson(name + " must be between 1 and " + MAX_TOKENS_LIMIT);
        }
        return p.getLongValue();
    }

    private static long readMaxOutputTokens(JsonParser p) throws IOException, MalformedJson {
        long max = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("maxOutputTokens")) {
                max = maxTokens(p, "generationConfig.maxOutputTokens", v);
            } else {
                p.skipChildren();
            }
        }
        return max;
    }

    private static boolean readIncludeUsage(JsonParser p) throws IOException {
        boolean include = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("include_usage")) {
                include = v == JsonToken.VALUE_TRUE;
            } else {
                p.skipChildren();
            }
        }
        return include;
    }
}
