package ai.burncloud.service;

import java.util.List;

/**
 * A channel to add, or the changes to make to one, as an operator typed them. On add, name, type,
 * key and models are required and the rest default (base URL from the type, group "default",
 * priority 0, weight 0); on update, null fields stay as they are.
 *
 * @param type openai, azure, anthropic, gemini, bedrock or qwen
 * @param key the upstream credential; for bedrock {@code ACCESS_KEY|SECRET_KEY[|SESSION_TOKEN]}
 * @param modelMapping JSON object of requested model to upstream model; "{}" clears it
 * @param config provider-specific JSON object (bedrock needs "region"); "{}" clears it
 */
public record ChannelRequest(
        String name,
        String type,
        String baseUrl,
        String key,
        List<String> models,
        List<String> groups,
        Integer priority,
        Integer weight,
        String modelMapping,
        String config) {

    public static ChannelRequest empty() {
        return new ChannelRequest(null, null, null, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return equals(empty());
    }
}
