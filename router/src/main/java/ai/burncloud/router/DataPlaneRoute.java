package ai.burncloud.router;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.Operation;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Where a request path leads: a data-plane operation (with the Gemini model taken from the path),
 * the model listing, health, or nothing the router handles (the control plane's paths).
 */
public record DataPlaneRoute(Kind kind, Operation operation, ClientApi api, String pathModel) {

    public enum Kind {
        OPERATION,
        LIST_MODELS,
        GET_MODEL,
        HEALTH,
        /** A data-plane path called with the wrong method. */
        WRONG_METHOD,
        /** Not a data-plane path. */
        OTHER
    }

    private static final DataPlaneRoute OTHER = new DataPlaneRoute(Kind.OTHER, null, ClientApi.OPENAI, null);
    private static final DataPlaneRoute HEALTH = new DataPlaneRoute(Kind.HEALTH, null, ClientApi.OPENAI, null);
    private static final DataPlaneRoute LIST = new DataPlaneRoute(Kind.LIST_MODELS, null, ClientApi.OPENAI, null);
    private static final DataPlaneRoute GEMINI_LIST =
            new DataPlaneRoute(Kind.LIST_MODELS, null, ClientApi.GEMINI, null);

    /** Resolves a request path (without query) and method. */
    public static DataPlaneRoute resolve(HttpMethod method, String path) {
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/health")) {
            return HEALTH;
        }
        if (!path.startsWith("/v1/") && !path.startsWith("/v1beta/")) {
            return OTHER;
        }
        for (Operation op : Operation.values()) {
            if (op.api() != ClientApi.GEMINI && op.pathOrSuffix().equals(path)) {
                return method == HttpMethod.POST ? operation(op, null) : wrongMethod(op.api());
            }
        }
        if (path.equals("/v1/models")) {
            return method == HttpMethod.GET ? LIST : wrongMethod(ClientApi.OPENAI);
        }
        if (path.equals("/v1beta/models")) {
            return method == HttpMethod.GET ? GEMINI_LIST : wrongMethod(ClientApi.GEMINI);
        }
        String rest = path.startsWith("/v1beta/models/")
                ? path.substring("/v1beta/models/".length())
                : path.startsWith("/v1/models/") ? path.substring("/v1/models/".length()) : null;
        if (rest != null && !rest.isEmpty()) {
            int colon = rest.lastIndexOf(':');
            if (colon > 0) {
                String suffix = rest.substring(colon);
                for (Operation op : Operation.values()) {
                    if (op.api() == ClientApi.GEMINI && op.pathOrSuffix().equals(suffix)) {
                        String model = decode(rest.substring(0, colon));
                        return method == HttpMethod.POST ? operation(op, model) : wrongMethod(ClientApi.GEMINI);
                    }
                }
                return OTHER;
            }
            ClientApi api = path.startsWith("/v1/models/") ? ClientApi.OPENAI : ClientApi.GEMINI;
            return method == HttpMethod.GET
                    ? new DataPlaneRoute(Kind.GET_MODEL, null, api, decode(rest))
                    : wrongMethod(api);
        }
        return OTHER;
    }

    /** The same route answered in another dialect (the model listing follows the caller's SDK). */
    DataPlaneRoute in(ClientApi dialect) {
        return new DataPlaneRoute(kind, operation, dialect, pathModel);
    }

    private static DataPlaneRoute operation(Operation op, String model) {
        return new DataPlaneRoute(Kind.OPERATION, op, op.api(), model);
    }

    private static DataPlaneRoute wrongMethod(ClientApi api) {
        return new DataPlaneRoute(Kind.WRONG_METHOD, null, api, null);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
