package ai.burncloud.router.translate.bedrock;

import ai.burncloud.router.translate.ir.ErrorInfo;
import java.util.Locale;

/**
 * Bedrock's exception names (as in event-stream {@code :exception-type} headers) with the HTTP status
 * AWS gives each, so a mid-stream throttle reaches the client as a 429-class error in its dialect.
 */
final class BedrockExceptions {
    private BedrockExceptions() {}

    static ErrorInfo of(String exceptionType, String message) {
        String type = exceptionType == null ? "unknownException" : exceptionType;
        return ErrorInfo.upstream(status(type), type, message != null ? message : type);
    }

    static int status(String exceptionType) {
        return switch (exceptionType.toLowerCase(Locale.ROOT)) {
            case "throttlingexception", "modelnotreadyexception", "servicequotaexceededexception" -> 429;
            case "validationexception" -> 400;
            case "accessdeniedexception" -> 403;
            case "resourcenotfoundexception" -> 404;
            case "modeltimeoutexception" -> 408;
            case "modelstreamerrorexception", "modelerrorexception" -> 424;
            case "serviceunavailableexception" -> 503;
            default -> 500;
        };
    }
}
