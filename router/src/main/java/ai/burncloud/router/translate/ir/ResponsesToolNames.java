package ai.burncloud.router.translate.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Responses {@code namespace} tools (Codex groups its sub-agent tools so) on upstreams that know only
 * flat function names: each member is offered as {@code <namespace>__<name>}, which every dialect's
 * name rules accept, and a call of such a name goes back to the client as a {@code function_call}
 * with {@code namespace} and the member's own {@code name}. Only names the request declared are split.
 */
public final class ResponsesToolNames {
    static final String SEPARATOR = "__";

    /** The client's (namespace, name) of an upstream function name. */
    public record Qualified(String namespace, String name) {}

    private final Map<String, Qualified> byFlatName;

    private ResponsesToolNames(Map<String, Qualified> byFlatName) {
        this.byFlatName = byFlatName;
    }

    /** The namespaced members declared in a request's {@code tools}. */
    public static ResponsesToolNames of(JsonNode tools) {
        Map<String, Qualified> names = new HashMap<>();
        if (tools != null && tools.isArray()) {
            for (JsonNode t : tools) {
                String namespace = Jsons.text(t, "name");
                if (!"namespace".equals(Jsons.text(t, "type")) || namespace == null) {
                    continue;
                }
                for (JsonNode member : t.path("tools")) {
                    String name = Jsons.text(member, "name");
                    if (name != null) {
                        names.put(flat(namespace, name), new Qualified(namespace, name));
                    }
                }
            }
        }
        return new ResponsesToolNames(names);
    }

    /** The upstream's name for a client's function ({@code namespace} may be null). */
    static String flat(String namespace, String name) {
        return namespace == null ? name : namespace + SEPARATOR + name;
    }

    /** The client's namespace and name of an upstream function name (no namespace when it has none). */
    public Qualified qualify(String upstreamName) {
        Qualified q = upstreamName == null ? null : byFlatName.get(upstreamName);
        return q != null ? q : new Qualified(null, upstreamName);
    }
}
