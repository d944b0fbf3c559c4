package ai.burncloud.router;

import ai.burncloud.common.ChannelType;
import ai.burncloud.router.translate.UpstreamDialect;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A channel as the router sees it ("channel" would collide with Netty's): immutable, part of a
 * routing snapshot.
 */
public record Upstream(
        long id,
        String name,
        ChannelType type,
        String baseUrl,
        String apiKey,
        Map<String, String> modelMapping,
        JsonNode config,
        int priority,
        int weight) {

    public UpstreamDialect dialect() {
        return UpstreamDialect.of(type);
    }

    /** The target for one request: the client's model after this channel's mapping. */
    public UpstreamTarget target(String clientModel) {
        String mapped = modelMapping.get(clientModel);
        String upstreamModel = mapped == null || mapped.isBlank() ? clientModel : mapped;
        return new UpstreamTarget(id, type, baseUrl, apiKey, upstreamModel, !upstreamModel.equals(clientModel), config);
    }
}
