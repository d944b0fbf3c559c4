package ai.burncloud.router;

import ai.burncloud.router.translate.Translator;
import io.netty.buffer.ByteBuf;

/**
 * Why an attempt failed, kept so that when every attempt has failed the client hears about the last
 * one: an upstream's own error response (relayed in the client's dialect, its status kept), a
 * timeout (504), a connection failure (502), an error reported inside a 2xx answer (502), or no channel
 * able to speak the client's API (400).
 * An HTTP failure owns {@code body} until it is relayed or replaced.
 */
record AttemptFailure(Kind kind, int status, Translator translator, ByteBuf body, String message) {
    enum Kind {
        HTTP,
        TIMEOUT,
        CONNECT,
        /** The upstream answered 2xx but reported an error in the body before anything reached the client. */
        FAULT,
        UNSUPPORTED
    }

    static AttemptFailure http(int status, Translator translator, ByteBuf body) {
        return new AttemptFailure(Kind.HTTP, status, translator, body, null);
    }

    static AttemptFailure timeout() {
        return new AttemptFailure(Kind.TIMEOUT, 504, null, null, null);
    }

    static AttemptFailure connect(String message) {
        return new AttemptFailure(Kind.CONNECT, 502, null, null, message);
    }

    static AttemptFailure fault(ai.burncloud.router.translate.UpstreamFault f) {
        return new AttemptFailure(Kind.FAULT, 502, null, null, f.type() + ": " + f.message());
    }

    static AttemptFailure unsupported(Upstream u) {
        return new AttemptFailure(Kind.UNSUPPORTED, 400, null, null, u.type().id());
    }
}
