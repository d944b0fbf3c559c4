package ai.burncloud.router.translate;

import ai.burncloud.common.GatewayError;

/**
 * A request cannot be expressed for the chosen upstream (an unsupported feature that would change
 * its meaning if dropped, or malformed input). Reaches the client as a 400 in its own dialect.
 */
public final class TranslationException extends Exception {
    private final GatewayError error;

    public TranslationException(String message) {
        this(GatewayError.INVALID_REQUEST, message);
    }

    public TranslationException(GatewayError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public GatewayError error() {
        return error;
    }
}
