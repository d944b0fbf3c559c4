package ai.burncloud.router.translate;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;

/**
 * A client's request as translators see it: the operation, the model the client named, whether it
 * asked for a stream, and the body bytes exactly as received.
 *
 * <p>The body is owned by the pipeline and stays valid until the request is settled; translators
 * read it (or take a {@code retainedDuplicate()}) and never release it. The parsed JSON tree is built
 * lazily, only by translators that need it: passthrough never pays for it.
 */
public final class ClientRequest {
    private final Operation operation;
    private final ByteBuf body;
    private final String model;
    private final boolean stream;
    private final String contentType;
    private final String rawQuery;
    private final RequestFields fields;
    private JsonNode json;

    /** A request whose top-level fields the router did not read: {@link #fields()} is null. */
    public ClientRequest(
            Operation operation, ByteBuf body, String model, boolean stream, String contentType, String rawQuery) {
        this(operation, body, model, stream, contentType, rawQuery, null);
    }

    /** A JSON request whose top-level fields the router already read (see {@link RequestFields}). */
    public ClientRequest(
            Operation operation,
            ByteBuf body,
            String model,
            boolean stream,
            String contentType,
            String rawQuery,
            RequestFields fields) {
        this.operation = operation;
        this.body = body;
        this.model = model;
        this.stream = stream;
        this.contentType = contentType;
        this.rawQuery = rawQuery;
        this.fields = fields;
    }

    /** The top-level fields read by the router, or null for a non-JSON (multipart) body. */
    public RequestFields fields() {
        return fields;
    }

    public Operation operation() {
        return operation;
    }

    public ClientApi api() {
        return operation.api();
    }

    /** The body as received; do not release, do not move its indexes (use duplicates). */
    public ByteBuf body() {
        return body;
    }

    /** The model the client named (from the body, or from the path for Gemini). */
    public String model() {
        return model;
    }

    /** Whether the client asked for a streamed answer (body {@code "stream": true}, or Gemini's method). */
    public boolean stream() {
        return stream;
    }

    public String contentType() {
        return contentType;
    }

    /** The raw query string of the client's URL, or null. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The body parsed as JSON (cached). */
    public JsonNode json() throws TranslationException {
        if (json == null) {
            try (ByteBufInputStream in = new ByteBufInputStream(body.duplicate())) {
                json = Json.mapper().readTree((java.io.InputStream) in);
            } catch (IOException e) {
                throw new TranslationException("request body is not valid JSON");
            }
            if (json == null || !json.isObject()) {
                throw new TranslationException("request body must be a JSON object");
            }
        }
        return json;
    }
}
