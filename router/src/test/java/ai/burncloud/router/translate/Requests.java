package ai.burncloud.router.translate;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Builds client requests and channel targets for translator tests. */
public final class Requests {
    private Requests() {}

    /** A request whose body buffer is unpooled (heap, no leak tracking needed). */
    public static ClientRequest request(Operation op, String json) {
        return request(op, json, null);
    }

    public static ClientRequest request(Operation op, String json, String rawQuery) {
        JsonNode body = Json.parse(json);
        ByteBuf buf = Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8));
        String model = body.path("model").asText("gemini-2.0-flash");
        boolean stream =
                op == Operation.STREAM_GENERATE_CONTENT || body.path("stream").asBoolean(false);
        return new ClientRequest(op, buf, model, stream, "application/json", rawQuery);
    }

    public static UpstreamTarget target(ChannelType type, String model) {
        return target(type, model, "{}");
    }

    public static UpstreamTarget target(ChannelType type, String model, String config) {
        return new UpstreamTarget(7, type, "https://upstream.example", "sk-test", model, false, Json.parse(config));
    }

    public static UpstreamTarget mapped(ChannelType type, String model) {
        return new UpstreamTarget(7, type, "https://upstream.example", "sk-test", model, true, Json.object());
    }

    /**
     * What a translator sent, as its response side sees it: the operation and whether it streams
     * (the body itself is long gone by then).
     */
    public static UpstreamBody sent(UpstreamOperation operation, boolean stream) {
        return new UpstreamBody(operation, stream, null, "application/json", null);
    }

    /** The upstream body as JSON; releases it. */
    public static JsonNode body(UpstreamBody body) {
        ByteBuf b = body.isLocal() ? body.localResponse() : body.body();
        try {
            return Json.parse(b.toString(StandardCharsets.UTF_8));
        } finally {
            b.release();
        }
    }
}
