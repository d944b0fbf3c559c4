package ai.burncloud.database;

import ai.burncloud.common.ChannelType;
import java.util.List;
import java.util.Map;

/** Everything an operator sets on a channel; used for create and for full updates. */
public record ChannelSpec(
        String name,
        ChannelType type,
        String baseUrl,
        String apiKey,
        List<String> models,
        List<String> groups,
        int priority,
        int weight,
        Map<String, String> modelMapping,
        String config) {}
