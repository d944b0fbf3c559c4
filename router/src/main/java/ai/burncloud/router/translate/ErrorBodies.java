package ai.burncloud.router.translate;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error bodies in each client dialect: OpenAI {@code {"error":{"message","type","code"}}}, Anthropic
 * {@code {"type":"error","error":{"type","message"}}}, Gemini {@code {"error":{"code","message","status"}}}.
 */
public final class ErrorBodies {
    private ErrorBodies() {}

    public static byte[] render(ClientApi api, GatewayError error, String message) {
        return Json.writeBytes(node(api, error, message));
    }

    public static ObjectNode node(ClientApi api, GatewayError error, String message) {
        return switch (api) {
            case OPENAI -> Json.openAiError(error, message);
            case ANTHROPIC -> anthropic(anthropicType(error.status()), message);
            case GEMINI -> gemini(error.status(), message);
        };
    }

    public static ObjectNode anthropic(String type, String message) {
        ObjectNode root = Json.object();
        root.put("type", "error");
        ObjectNode e = root.putObject("error");
        e.put("type", type);
        e.put("message", message);
        return root;
    }

    public static ObjectNode gemini(int status, String message) {
        ObjectNode root = Json.object();
        ObjectNode e = root.putObject("error");
        e.put("code", status);
        e.put("message", message);
        e.put("status", geminiStatus(status));
        return root;
    }

    /** Anthropic's error type for an HTTP status (per its API reference). */
    public static String anthropicType(int status) {
        return switch (status) {
            case 400, 405, 408, 409, 415, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    /** Google's canonical status name for an HTTP status. */
    public static String geminiStatus(int status) {
        return switch (status) {
            case 400, 405, 413, 415, 422 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 402, 429 -> "RESOURCE_EXHAUSTED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 408, 504 -> "DEADLINE_EXCEEDED";
            case 409 -> "ABORTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
    }
}
