package ai.burncloud.database;

import java.util.List;
import java.util.Map;

/**
 * Every write a configuration import makes, applied by {@link ConfigWriter} in one transaction. Built
 * and validated as a whole before anything is written, so a bad file changes nothing.
 *
 * @param options option name to stored text, set or replaced
 * @param deleteOptions options returned to their defaults
 */
public record ConfigPlan(
        List<ChannelUpsert> channels,
        List<Long> deleteChannels,
        List<Price> prices,
        List<String> deletePrices,
        List<ModelRatio> modelRatios,
        List<String> deleteModelRatios,
        List<GroupRatio> groupRatios,
        List<String> deleteGroupRatios,
        Map<String, String> options,
        List<String> deleteOptions) {

    /**
     * A channel to create ({@code id} null) or to replace; {@code status} null keeps the status it has.
     */
    public record ChannelUpsert(Long id, ChannelSpec spec, ChannelStatus status, String statusReason) {}

    public boolean isEmpty() {
        return channels.isEmpty()
                && deleteChannels.isEmpty()
                && prices.isEmpty()
                && deletePrices.isEmpty()
                && modelRatios.isEmpty()
                && deleteModelRatios.isEmpty()
                && groupRatios.isEmpty()
                && deleteGroupRatios.isEmpty()
                && options.isEmpty()
                && deleteOptions.isEmpty();
    }
}
