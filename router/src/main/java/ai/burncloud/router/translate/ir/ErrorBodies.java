package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.UpstreamDialect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Error bodies in each client dialect, and the reading of each upstream dialect's error bodies.
 *
 * <ul>
 *   <li>OpenAI: {@code {"error":{"message","type","param","code"}}}
 *   <li>Anthropic: {@code {"type":"error","error":{"type","message"}}}, plus
 *       {@code "details":{"error_code"}} where Anthropic defines a code for the refusal
 *   <li>Gemini: {@code {"error":{"code","message","status"}}}
 * </ul>
 */
public final class ErrorBodies {
    private static final int MAX_RAW_MESSAGE = 300;

    private ErrorBodies() {}

    public static ObjectNode render(ClientApi api, ErrorInfo error) {
        return switch (api) {
            case OPENAI -> openAi(error);
            case ANTHROPIC -> anthropic(error);
            case GEMINI -> gemini(error);
        };
    }

    /**
     * Converts an upstream's error response into the client's dialect, keeping its status (Anthropic's
     * 529 becomes 503 for the others). {@code body} stays owned by the caller.
     */
    public static ClientError translate(
            UpstreamDialect from, ClientApi to, int status, ByteBuf body, ByteBufAllocator alloc) {
        ErrorInfo info = parse(from, status, body);
        int clientStatus = clientStatus(to, status);
        ErrorInfo shown = new ErrorInfo(clientStatus, null, info.code(), info.message());
        return new ClientError(clientStatus, JsonOut.json(alloc, render(to, shown)));
    }

    /** The HTTP status a client of {@code api} should see for an upstream status. */
    public static int clientStatus(ClientApi api, int upstreamStatus) {
        // 529 is Anthropic's own "overloaded"; other dialects' SDKs know it only as an odd 5xx
        return upstreamStatus == 529 && api != ClientApi.ANTHROPIC ? 503 : upstreamStatus;
    }

    public static ObjectNode openAi(ErrorInfo error) {
        error = withStatus(error, clientStatus(ClientApi.OPENAI, error.status()));
        ObjectNode root = Json.object();
        ObjectNode body = root.putObject("error");
        body.put("message", error.message());
        body.put("type", error.openAiType() != null ? error.openAiType() : openAiType(error.status()));
        body.putNull("param");
        if (error.code() != null) {
            body.put("code", error.code());
        } else {
            body.putNull("code");
        }
        return root;
    }

    public static ObjectNode anthropic(ErrorInfo error) {
        ObjectNode root = Json.object();
        root.put("type", "error");
        ObjectNode body = root.putObject("error");
        body.put("type", anthropicType(error.status()));
        body.put("message", error.message());
        if (error.detailCode() != null) {
            body.putObject("details").put("error_code", error.detailCode());
        }
        return root;
    }

    public static ObjectNode gemini(ErrorInfo error) {
        error = withStatus(error, clientStatus(ClientApi.GEMINI, error.status()));
        ObjectNode root = Json.object();
        ObjectNode body = root.putObject("error");
        body.put("code", error.status());
        body.put("message", error.message());
        body.put("status", grpcStatus(error.status()));
        return root;
    }

    /**
     * Reads an upstream's error body (any of the dialects' shapes, or no JSON at all). Never fails:
     * an unreadable body becomes a message quoting its start.
     */
    public static ErrorInfo parse(UpstreamDialect dialect, int status, ByteBuf body) {
        String text =
                body == null ? "" : body.toString(body.readerIndex(), body.readableBytes(), StandardCharsets.UTF_8);
        JsonNode json = Jsons.parseOrNull(text);
        if (json != null && json.isArray() && json.size() > 0) {
            json = json.get(0); // Gemini's JSON-array streams wrap errors in the array
        }
        if (json != null && json.isObject()) {
            JsonNode err = json.get("error");
            if (err != null && err.isObject()) {
                String message = Jsons.text(err, "message");
                String code = switch (dialect) {
                    case GEMINI -> Jsons.text(err, "status");
                    case OPENAI -> Jsons.text(err, "code") != null ? Jsons.text(err, "code") : Jsons.text(err, "type");
                    default -> Jsons.text(err, "type");
                };
                return ErrorInfo.upstream(status, code, message != null ? message : fallback(status, text));
            }
            if (err != null && err.isTextual()) {
                return ErrorInfo.upstream(status, null, err.asText());
            }
            // Bedrock (AWS JSON protocol): {"message": "..."} or {"Message": "..."}, type in "__type"
            String message =
                    Jsons.text(json, "message") != null ? Jsons.text(json, "message") : Jsons.text(json, "Message");
            if (message != null) {
                return ErrorInfo.upstream(status, awsType(Jsons.text(json, "__type")), message);
            }
        }
        return ErrorInfo.upstream(status, null, fallback(status, text));
    }

    public static String openAiType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "insufficient_quota";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    public static String anthropicType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            case 504 -> "timeout_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    public static String grpcStatus(int status) {
        return switch (status) {
            case 400, 413, 422 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 402 -> "FAILED_PRECONDITION";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 501 -> "UNIMPLEMENTED";
            case 503, 529 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    private static ErrorInfo withStatus(ErrorInfo e, int status) {
        return status == e.status() ? e : new ErrorInfo(status, e.openAiType(), e.code(), e.message());
    }

    private static String awsType(String type) {
        if (type == null) {
            return null;
        }
        int hash = type.lastIndexOf('#');
        return hash >= 0 ? type.substring(hash + 1) : type;
    }

    private static String fallback(int status, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "upstream returned HTTP " + status;
        }
        if (trimmed.length() > MAX_RAW_MESSAGE) {
            trimmed = trimmed.substring(0, MAX_RAW_MESSAGE) + "…";
        }
        return "upstream returned HTTP " + status + ": " + trimmed;
    }
}
