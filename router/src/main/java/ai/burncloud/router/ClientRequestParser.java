package ai.burncloud.router;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.RequestFields;
import ai.burncloud.router.translate.WellFormedUtf8;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Turns a data-plane HTTP request into a {@link ClientRequest}: checks that a JSON body is well-formed
 * UTF-8, reads the few fields the router needs from it (one streaming pass; the form field for
 * multipart audio), the model from the path for Gemini, and whether a stream was asked for (from the
 * body, or Gemini's method — never from Accept). Throws {@link BadRequest} with a message fit for the client.
 */
final class ClientRequestParser {
    /** The request cannot be understood; the message goes to the client as a 400. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private ClientRequestParser() {}

    static ClientRequest parse(FullHttpRequest http, DataPlaneRoute route, String rawQuery) throws BadRequest {
        Operation op = route.operation();
        ByteBuf body = http.content();
        String contentType = http.headers().get(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (op == Operation.AUDIO_TRANSCRIPTIONS) {
            if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
                throw new BadRequest("/v1/audio/transcriptions expects a multipart/form-data body");
            }
            String model = multipartField(http, "model");
            checkModel(model);
            String stream = multipartField(http, "stream");
            return new ClientRequest(op, body, model, "true".equalsIgnoreCase(stream), contentType, rawQuery);
        }
        if (!body.isReadable()) {
            throw new BadRequest("request body is required");
        }
        requireUtf8WithoutBom(body);
        // one copy at most: the aggregated body is usually a composite of direct buffers
        byte[] bytes = body.hasArray() ? body.array() : ByteBufUtil.getBytes(body);
        int from = body.hasArray() ? body.arrayOffset() + body.readerIndex() : 0;
        int to = from + body.readableBytes();
        int malformed = WellFormedUtf8.firstMalformed(bytes, from, to);
        if (malformed >= 0) {
            throw new BadRequest("request body is not valid UTF-8 (byte " + (malformed - from) + ")");
        }
        RequestFields fields;
        try {
            fields = RequestFields.parse(bytes, from, to - from);
        } catch (RequestFields.MalformedJson e) {
            throw new BadRequest(e.getMessage());
        }
        if (op.api() == ClientApi.GEMINI) {
            boolean stream = op == Operation.STREAM_GENERATE_CONTENT;
            checkModel(route.pathModel());
            return new ClientRequest(op, body, route.pathModel(), stream, "application/json", rawQuery, fields);
        }
        checkModel(fields.model());
        return new ClientRequest(op, body, fields.model(), fields.stream(), "application/json", rawQuery, fields);
    }

    /** Longest model name accepted, in UTF-8 bytes (names are stored, logged and used as metric labels). */
    static final int MAX_MODEL_BYTES = 256;

    /** A model name is at most 256 bytes of printable characters; a missing one is the gatekeeper's to report. */
    static void checkModel(String model) throws BadRequest {
        if (model == null) {
            return;
        }
        if (model.length() > MAX_MODEL_BYTES
                || model.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_MODEL_BYTES) {
            throw new BadRequest("model name is longer than " + MAX_MODEL_BYTES + " bytes");
        }
        // a lone surrogate shows up as a code point of its own
        if (model.codePoints().anyMatch(cp -> Character.isISOControl(cp) || (cp >= 0xD800 && cp <= 0xDFFF))) {
            throw new BadRequest("model name must be printable characters only");
        }
    }

    /**
     * JSON bodies are UTF-8 without a byte-order mark (RFC 8259 §8.1). The JSON reader would guess
     * UTF-16 or UTF-32 from zero bytes or a BOM and accept it, and the upstream would then get bytes it
     * cannot read: refused at the door instead.
     */
    private static void requireUtf8WithoutBom(ByteBuf body) throws BadRequest {
        int i = body.readerIndex();
        int n = body.readableBytes();
        int b0 = body.getUnsignedByte(i);
        int b1 = n > 1 ? body.getUnsignedByte(i + 1) : -1;
        int b2 = n > 2 ? body.getUnsignedByte(i + 2) : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            throw new BadRequest("request body must be UTF-8 JSON without a byte-order mark");
        }
        if (b0 == 0xFE || b0 == 0xFF || b0 == 0 || b1 == 0) {
            throw new BadRequest("request body must be UTF-8 JSON (UTF-16 and UTF-32 are not accepted)");
        }
    }

    private static String multipartField(FullHttpRequest http, String name) throws BadRequest {
        try {
            return MultipartFields.field(http.content(), http.headers().get(HttpHeaderNames.CONTENT_TYPE, ""), name);
        } catch (MultipartFields.Malformed e) {
            throw new BadRequest("malformed multipart body: " + e.getMessage());
        }
    }
}
