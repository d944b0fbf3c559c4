package ai.burncloud.router.translate;

import io.netty.buffer.ByteBuf;

/**
 * What a translator produced for the upstream: the operation to call, whether the upstream will
 * stream, and the body. The caller owns {@code body} and releases it.
 *
 * <p>When {@code localResponse} is set, no upstream call is needed (e.g. count_tokens answered with
 * the local tokenizer for an upstream that has no such endpoint): it is the client's response body.
 */
public record UpstreamBody(
        UpstreamOperation operation, boolean stream, ByteBuf body, String contentType, ByteBuf localResponse) {

    public static UpstreamBody json(UpstreamOperation operation, boolean stream, ByteBuf body) {
        return new UpstreamBody(operation, stream, body, "application/json", null);
    }

    public static UpstreamBody local(ByteBuf clientResponse) {
        return new UpstreamBody(null, false, null, "application/json", clientResponse);
    }

    public boolean isLocal() {
        return localResponse != null;
    }
}
