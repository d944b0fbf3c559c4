package ai.burncloud.router.translate.ir;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.translate.UpstreamFault;

/**
 * An error in neutral terms, before it is rendered in a client's dialect.
 *
 * @param status the HTTP status the client should see
 * @param openAiType the OpenAI {@code type} to show, or null to derive it from the status
 * @param code the most specific machine-readable name known (an upstream's error type or code, or a
 *     gateway code), or null
 * @param detailCode Anthropic's {@code error.details.error_code}, shown to Anthropic clients only, or null
 */
public record ErrorInfo(int status, String openAiType, String code, String message, String detailCode) {

    public ErrorInfo(int status, String openAiType, String code, String message) {
        this(status, openAiType, code, message, null);
    }

    /** An error the gateway decided. */
    public static ErrorInfo local(GatewayError error, String message) {
        return new ErrorInfo(error.status(), error.type(), error.code(), message);
    }

    /** A gateway refusal that Anthropic clients see with {@code error.details.error_code}. */
    public static ErrorInfo local(GatewayError error, String message, String detailCode) {
        return new ErrorInfo(error.status(), error.type(), error.code(), message, detailCode);
    }

    /** An error an upstream reported. */
    public static ErrorInfo upstream(int status, String code, String message) {
        return new ErrorInfo(status, null, code, message);
    }

    /** This error as the fault a converter reports: its most specific code is the fault's type. */
    public UpstreamFault toFault() {
        return new UpstreamFault(code, message);
    }
}
