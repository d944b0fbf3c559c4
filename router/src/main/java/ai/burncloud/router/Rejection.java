package ai.burncloud.router;

import ai.burncloud.common.GatewayError;

/**
 * Why the gateway refused a request before calling any upstream.
 *
 * @param retryAfterSeconds for rate limits, the Retry-After value; 0 otherwise
 * @param gatewaySide true when channels exist but the gateway would not use any (503 with a header
 *     saying so, distinct from an upstream's own error)
 */
public record Rejection(GatewayError error, String message, long retryAfterSeconds, boolean gatewaySide) {
    public static Rejection of(GatewayError error, String message) {
        return new Rejection(error, message, 0, false);
    }
}
