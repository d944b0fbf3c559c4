package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Where and how to reach one kind of upstream: the URL of an operation and the credentials it takes.
 * One small class per channel type; the client's own credentials never reach this point.
 */
public interface UpstreamProvider {
    /** The absolute URL (with query) for the operation on this channel. */
    String url(UpstreamTarget target, UpstreamOperation operation);

    /**
     * Adds this channel's credentials (and provider-required headers) to an outgoing request. May read
     * {@code body} (SigV4 signs it) but must not consume or release it.
     */
    void authorize(UpstreamTarget target, String method, String url, HttpHeaders headers, ByteBuf body);
}
