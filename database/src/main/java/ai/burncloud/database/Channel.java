package ai.burncloud.database;

import ai.burncloud.common.ChannelType;
import java.util.List;
import java.util.Map;

/**
 * An upstream provider account ("channel", as One API users know it). {@code config} is the
 * provider-specific JSON text (region, api_version, anthropic_version) or null.
 */
public record Channel(
        long id,
        String name,
        ChannelType type,
        String baseUrl,
        String apiKey,
        List<String> models,
        List<String> groups,
        int priority,
        int weight,
        Map<String, String> modelMapping,
        String config,
        ChannelStatus status,
        String statusReason,
        long usedQuota,
        ChannelTest lastTest,
        long createdAt,
        long updatedAt) {

    public ChannelSpec spec() {
        return new ChannelSpec(name, type, baseUrl, apiKey, models, groups, priority, weight, modelMapping, config);
    }
}
