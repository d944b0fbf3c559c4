package ai.burncloud.service;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.Money;
import ai.burncloud.database.Channel;
import ai.burncloud.database.GroupRatio;
import ai.burncloud.database.ModelRatio;
import ai.burncloud.database.Price;
import ai.burncloud.database.Repositories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/**
 * The configuration a database holds now, as an export writes it and an import compares against:
 * channels (keys decrypted, in memory only), prices, model and group ratios, and the options in force
 * along with those stored.
 */
record ConfigState(
        List<Channel> channels,
        List<Price> prices,
        List<ModelRatio> modelRatios,
        List<GroupRatio> groups,
        ConsoleOptions options,
        Map<String, String> storedOptions,
        BurnCloudConfig config) {

    static ConfigState load(Repositories repos, BurnCloudConfig config) {
        Map<String, String> stored = repos.options().all();
        return new ConfigState(
                repos.channels().all(),
                repos.prices().all(),
                repos.ratios().modelRatios(),
                repos.ratios().groupRatios(),
                ConsoleOptions.from(stored, config),
                stored,
                config);
    }

    /** An option's stored text as the JSON value the API and the file use. */
    static JsonNode optionJson(OptionKey k, String text) {
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        return switch (k.kind()) {
            case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(text));
            case INTEGER -> f.numberNode(Long.parseLong(text));
            case DOLLARS -> f.numberNode(Money.toDollars(Money.parseDollars(text)));
            case CHOICE -> f.textNode(text);
        };
    }
}
