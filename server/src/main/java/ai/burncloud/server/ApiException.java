package ai.burncloud.server;

import ai.burncloud.common.GatewayError;

/** A request the API refuses before any service is involved (bad parameter, missing role, ...). */
final class ApiException extends RuntimeException {
    private final GatewayError error;

    ApiException(GatewayError error, String message) {
        super(message);
        this.error = error;
    }

    static ApiException invalid(String message) {
        return new ApiException(GatewayError.INVALID_REQUEST, message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(GatewayError.PERMISSION_DENIED, message);
    }

    GatewayError error() {
        return error;
    }
}
