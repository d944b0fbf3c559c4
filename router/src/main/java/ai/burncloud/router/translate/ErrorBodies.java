package ai.burncloud.router.translate;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ir.ErrorInfo;

/** Errors the gateway decides, rendered in the dialect of the front door that was called. */
public final class ErrorBodies {
    private ErrorBodies() {}

    /**
     * OpenAI {@code {"error":{"message","type","code"}}}, Anthropic {@code {"type":"error","error":{…}}}
     * or Gemini {@code {"error":{"code","message","status"}}}.
     */
    public static byte[] render(ClientApi api, GatewayError error, String message) {
        return render(api, error, message, null);
    }

    /** @param detailCode Anthropic's {@code error.details.error_code} (Anthropic clients only), or null */
    public static byte[] render(ClientApi api, GatewayError error, String message, String detailCode) {
        return Json.writeBytes(
                ai.burncloud.router.translate.ir.ErrorBodies.render(api, ErrorInfo.local(error, message, detailCode)));
    }
}
