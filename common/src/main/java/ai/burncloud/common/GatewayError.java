package ai.burncloud.common;

/**
 * The one error taxonomy. Each entry knows its HTTP status, its OpenAI-style {@code code} and
 * {@code type}, and whether it was decided here (local) or reported by an upstream. Renderers per
 * client dialect (OpenAI, Anthropic, Gemini) turn it into that API's error body.
 */
public enum GatewayError {
    INVALID_TOKEN(401, "invalid_token", "invalid_request_error", Origin.LOCAL),
    TOKEN_EXPIRED(401, "token_expired", "invalid_request_error", Origin.LOCAL),
    INSUFFICIENT_QUOTA(402, "insufficient_quota", "insufficient_quota_error", Origin.LOCAL),
    PERMISSION_DENIED(403, "permission_denied", "permission_error", Origin.LOCAL),
    NOT_FOUND(404, "not_found", "not_found_error", Origin.LOCAL),
    MODEL_NOT_FOUND(404, "model_not_found", "not_found_error", Origin.LOCAL),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "invalid_request_error", Origin.LOCAL),
    CONFLICT(409, "conflict", "invalid_request_error", Origin.LOCAL),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "invalid_request_error", Origin.LOCAL),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "invalid_request_error", Origin.LOCAL),
    INVALID_REQUEST(400, "invalid_request", "invalid_request_error", Origin.LOCAL),
    PRICE_MISSING(400, "price_missing", "invalid_request_error", Origin.LOCAL),
    UNPROCESSABLE(422, "unprocessable_entity", "invalid_request_error", Origin.LOCAL),
    RATE_LIMIT_EXCEEDED(429, "rate_limit_exceeded", "rate_limit_error", Origin.LOCAL),
    SERVER_ERROR(500, "server_error", "server_error", Origin.LOCAL),
    SERVICE_UNAVAILABLE(503, "service_unavailable", "server_error", Origin.LOCAL),
    REQUEST_TIMEOUT(408, "request_timeout", "invalid_request_error", Origin.LOCAL),
    /** An upstream answered with an error status after every retry was spent. */
    UPSTREAM_ERROR(502, "upstream_error", "upstream_error", Origin.UPSTREAM),
    /** The upstream rejected the channel's credentials (its 401/403) after every retry was spent. */
    UPSTREAM_AUTH_ERROR(502, "upstream_auth_error", "upstream_error", Origin.UPSTREAM),
    /** No upstream answered in time. */
    UPSTREAM_TIMEOUT(504, "upstream_timeout", "upstream_error", Origin.UPSTREAM);

    /** Where an error was decided. */
    public enum Origin {
        LOCAL,
        UPSTREAM
    }

    private final int status;
    private final String code;
    private final String type;
    private final Origin origin;

    GatewayError(int status, String code, String type, Origin origin) {
        this.status = status;
        this.code = code;
        this.type = type;
        this.origin = origin;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String type() {
        return type;
    }

    public Origin origin() {
        return origin;
    }
}
