package ai.burncloud.router;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.RequestFields;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Turns a data-plane HTTP request into a {@link ClientRequest}: reads the few fields the router needs
 * from the body (one streaming pass for JSON; the form field for multipart audio), the model from the
 * path for Gemini, and whether a stream was asked for (from the body, or Gemini's method — never from
 * Accept). Throws {@link BadRequest} with a message fit for the client.
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
            String stream = multipartField(http, "stream");
            return new ClientRequest(op, body, model, "true".equalsIgnoreCase(stream), contentType, rawQuery);
        }
        if (!body.isReadable()) {
            throw new BadRequest("request body is required");
        }
        RequestFields fields;
        try {
            if (body.hasArray()) {
                fields = RequestFields.parse(
                        body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
            } else {
                byte[] bytes = ByteBufUtil.getBytes(body);
                fields = RequestFields.parse(bytes, 0, bytes.length);
            }
        } catch (RequestFields.MalformedJson e) {
            throw new BadRequest(e.getMessage());
        }
        if (op.api() == ClientApi.GEMINI) {
            boolean stream = op == Operation.STREAM_GENERATE_CONTENT;
            return new ClientRequest(op, body, route.pathModel(), stream, "application/json", rawQuery, fields);
        }
        return new ClientRequest(op, body, fields.model(), fields.stream(), "application/json", rawQuery, fields);
    }

    private static String multipartField(FullHttpRequest http, String name) throws BadRequest {
        try {
            return MultipartFields.field(http.content(), http.headers().get(HttpHeaderNames.CONTENT_TYPE, ""), name);
        } catch (MultipartFields.Malformed e) {
            throw new BadRequest("malformed multipart body: " + e.getMessage());
        }
    }
}
