package ai.burncloud.router.translate;

import ai.burncloud.common.GatewayError;

/**
 * A request cannot be expressed for the chosen upstream (an unsupported feature that would change
 * its meaning if dropped, or malformed input). Reaches the client as a 400 in its own dialect.
 */
public final class TranslationException extends Exception {
    private final GatewayError error;
    private final String errorCode;

    public TranslationException(String message) {
        this(GatewayError.INVALID_REQUEST, message);
    }

    public TranslationException(GatewayError error, String message) {
        this(error, message, null);
    }

    private TranslationException(GatewayError error, String message, String errorCode) {
        super(message, null, false, false);
        this.error = error;
        this.errorCode = errorCode;
    }

    /**
     * A 400 refusal that Anthropic itself gives with a machine-readable {@code error.details.error_code}
     * (clients such as Claude Code act on the code, not on the wording).
     */
    public static TranslationException withErrorCode(String message, String errorCode) {
        return new TranslationException(GatewayError.INVALID_REQUEST, message, errorCode);
    }

    public GatewayError error() {
        return error;
    }

    /** Anthropic's {@code error.details.error_code} for this refusal, or null when it defines none. */
    public String errorCode() {
        return errorCode;
    }
}
