package ai.burncloud.router;

import ai.burncloud.router.translate.Translator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Reads an upstream's error answer (status ≥ 300) — at most {@value #MAX_BYTES} bytes of it, enough
 * for any provider's error object — so it can be relayed in the client's dialect or judged for
 * failover. Owns its buffer until {@link #toFailure} hands it over, or {@link #release}.
 */
final class ErrorAnswerReader {
    private static final int MAX_BYTES = 64 * 1024;

    private final int status;
    private ByteBuf body;

    ErrorAnswerReader(int status, ByteBufAllocator alloc) {
        this.status = status;
        this.body = alloc.buffer(4096);
    }

    /** Keeps what fits of {@code data} (its indexes untouched). */
    void append(ByteBuf data) {
        int room = MAX_BYTES - body.readableBytes();
        if (room > 0) {
            body.writeBytes(data, data.readerIndex(), Math.min(room, data.readableBytes()));
        }
    }

    /** The beginning of the answer as text, for an operator reading why a channel was disabled. */
    String snippet() {
        return body.toString(body.readerIndex(), Math.min(200, body.readableBytes()), StandardCharsets.UTF_8)
                .strip();
    }

    /** The whole answer as an attempt's failure, which now owns the body. */
    AttemptFailure toFailure(Translator translator) {
        ByteBuf b = body;
        body = null;
        return AttemptFailure.http(status, translator, b);
    }

    void release() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
