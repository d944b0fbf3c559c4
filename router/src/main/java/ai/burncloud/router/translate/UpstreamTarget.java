package ai.burncloud.router.translate;

import ai.burncloud.common.ChannelType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The channel a request is about to be sent to, as translators and providers need it.
 *
 * @param upstreamModel the model name to send (after the channel's model mapping)
 * @param modelMapped whether the mapping changed the client's model name
 * @param config the channel's provider config (never null; an empty object when unset)
 */
public record UpstreamTarget(
        long channelId,
        ChannelType type,
        String baseUrl,
        String apiKey,
        String upstreamModel,
        boolean modelMapped,
        JsonNode config) {

    public UpstreamDialect dialect() {
        return UpstreamDialect.of(type);
    }
}
