package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamFault;
import io.netty.buffer.ByteBuf;

/**
 * Why an attempt failed, kept so that when every attempt has failed the client hears about the last
 * one: an upstream's own error response (relayed in the client's dialect, its status kept), a
 * timeout (504), a connection failure (502), an error reported inside a 2xx answer (502), no channel
 * able to speak the client's API (400), or a translator's refusal (its own error, usually 400).
 * An HTTP failure owns {@code body} until it is relayed or replaced.
 */
record AttemptFailure(
        Kind kind,
        int status,
        Translator translator,
        ByteBuf body,
        String message,
        GatewayError error,
        String errorCode) {
    enum Kind {
        HTTP,
        TIMEOUT,
        CONNECT,
        /** The upstream answered 2xx but reported an error in the body before anything reached the client. */
        FAULT,
        /** No translator from the client's API to the channel's dialect: no upstream was called. */
        UNSUPPORTED,
        /** The translator could not express the request for this channel: no upstream was called. */
        REFUSED
    }

    static AttemptFailure http(int status, Translator translator, ByteBuf body) {
        return new AttemptFailure(Kind.HTTP, status, translator, body, null, null, null);
    }

    static AttemptFailure timeout() {
        return new AttemptFailure(Kind.TIMEOUT, 504, null, null, null, GatewayError.UPSTREAM_TIMEOUT, null);
    }

    static AttemptFailure connect(String message) {
        return new AttemptFailure(Kind.CONNECT, 502, null, null, message, GatewayError.UPSTREAM_ERROR, null);
    }

    static AttemptFailure fault(UpstreamFault f) {
        return new AttemptFailure(
                Kind.FAULT, 502, null, null, f.type() + ": " + f.message(), GatewayError.UPSTREAM_ERROR, null);
    }

    static AttemptFailure unsupported(Upstream u) {
        return new AttemptFailure(Kind.UNSUPPORTED, 400, null, null, u.type().id(), GatewayError.INVALID_REQUEST, null);
    }

    /** @param errorCode Anthropic's {@code error.details.error_code} for the refusal, or null */
    static AttemptFailure refused(GatewayError error, String message, String errorCode) {
        return new AttemptFailure(Kind.REFUSED, error.status(), null, null, message, error, errorCode);
    }

    /** Whether an upstream was called (and the attempt counts against RETRY_TIMES). */
    boolean reachedUpstream() {
        return kind != Kind.UNSUPPORTED && kind != Kind.REFUSED;
    }

    /** An upstream rejecting the channel's credentials: the channel is disabled and the client told so. */
    boolean authError() {
        return kind == Kind.HTTP && (status == 401 || status == 403);
    }

    /** What this failure proves about the upstream, for its circuit breakers; null when nothing. */
    CircuitBreakers.Verdict verdict() {
        return switch (kind) {
            case CONNECT, TIMEOUT -> CircuitBreakers.Verdict.CONNECTION_FAILURE;
            case FAULT -> CircuitBreakers.Verdict.MODEL_FAILURE;
            case HTTP ->
                status == 429
                        ? CircuitBreakers.Verdict.BACKOFF
                        : status >= 500 ? CircuitBreakers.Verdict.MODEL_FAILURE : CircuitBreakers.Verdict.UP;
            case UNSUPPORTED, REFUSED -> null;
        };
    }

    /** The failure as a short reason for logs. */
    String reason() {
        return switch (kind) {
            case HTTP -> "HTTP " + status;
            case TIMEOUT -> "timeout";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT) + (message == null ? "" : ": " + message);
        };
    }
}
