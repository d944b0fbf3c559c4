package ai.burncloud.router.translate;

import io.netty.buffer.ByteBuf;

/** An error response for the client: status and body in its dialect. The caller owns {@code body}. */
public record ClientError(int status, ByteBuf body) {}
