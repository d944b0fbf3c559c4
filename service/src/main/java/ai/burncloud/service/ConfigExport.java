package ai.burncloud.service;

import ai.burncloud.common.Json;
import ai.burncloud.common.Money;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.GroupRatio;
import ai.burncloud.database.ModelRatio;
import ai.burncloud.database.Price;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the configuration as YAML, the same bytes for the same configuration: entries sorted by
 * their natural key, every field written, no timestamps. A channel's key is written as a reference
 * to an environment variable named after the channel ({@code ${env:BURNCLOUD_KEY_OPENAI_MAIN}}),
 * never in clear.
 */
final class ConfigExport {
    static final String HEADER = """
            # BurnCloud configuration: channels, prices and aliases, model ratios, groups and options.
            # Written by 'burncloud config export'; read by 'burncloud config diff' and 'config import'.
            # Channel keys are references, never the keys: before importing into another database, set
            # each ${env:NAME} named below to the channel's key (docs/OPERATIONS.md, Configuration as a file).
            """;

    private static final ObjectWriter YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build()
            .writer()
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ConfigExport() {}

    /** The environment variable an export names for a channel's key. */
    static String keyVariable(String channelName) {
        String v = channelName
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return "BURNCLOUD_KEY_" + (v.isEmpty() ? "CHANNEL" : v);
    }

    static String write(ConfigState state) {
        try {
            return HEADER + YAML.writeValueAsString(tree(state));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(ConfigState state) {
        ObjectNode root = JsonViews.object();
        root.put("burncloud_config", ConfigFile.FORMAT);
        ArrayNode channels = root.putArray("channels");
        Set<String> variables = new HashSet<>();
        state.channels().stream()
                .sorted(Comparator.comparing(Channel::name).thenComparing(Channel::id))
                .forEach(c -> channels.add(channel(c, unique(keyVariable(c.name()), variables))));
        ArrayNode prices = root.putArray("prices");
        state.prices().stream().sorted(Comparator.comparing(Price::model)).forEach(p -> prices.add(price(p)));
        ArrayNode ratios = root.putArray("model_ratios");
        state.modelRatios().stream()
                .sorted(Comparator.comparing(ModelRatio::model))
                .forEach(r -> ratios.addObject()
                        .put("model", r.model())
                        .put("ratio", r.ratio())
                        .put("completion_ratio", r.completionRatio()));
        ArrayNode groups = root.putArray("groups");
        state.groups().stream().sorted(Comparator.comparing(GroupRatio::group)).forEach(g -> {
            ObjectNode o = groups.addObject().put("name", g.group()).put("ratio", g.ratio());
            if (g.description() != null) {
                o.put("description", g.description());
            }
        });
        ObjectNode options = root.putObject("options");
        for (OptionKey k : OptionKey.values()) {
            options.set(k.id(), ConfigState.optionJson(k, state.options().text(k)));
        }
        return root;
    }

    private static String unique(String variable, Set<String> taken) {
        String v = variable;
        for (int i = 2; !taken.add(v); i++) {
            v = variable + "_" + i;
        }
        return v;
    }

    private static ObjectNode channel(Channel c, String keyVariable) {
        ObjectNode o = JsonViews.object();
        o.put("name", c.name());
        o.put("type", c.type().id());
        o.put("base_url", c.baseUrl());
        o.put("key", "${env:" + keyVariable + "}");
        o.set("models", JsonViews.strings(c.models()));
        o.set("groups", JsonViews.strings(c.groups()));
        o.put("priority", c.priority());
        o.put("weight", c.weight());
        if (!c.modelMapping().isEmpty()) {
            ObjectNode m = o.putObject("model_mapping");
            c.modelMapping().forEach(m::put);
        }
        if (c.config() != null) {
            o.set("config", Json.parse(c.config()));
        }
        o.put("enabled", c.status() == ChannelStatus.ENABLED);
        return o;
    }

    private static ObjectNode price(Price p) {
        ObjectNode o = JsonViews.object().put("model", p.model());
        if (p.isAlias()) {
            return o.put("alias", p.aliasFor());
        }
        o.put("input", Money.toDollars(p.input()));
        o.put("output", Money.toDollars(p.output()));
        if (p.cachedInput() != null) {
            o.put("cached_input", Money.toDollars(p.cachedInput()));
        }
        return o;
    }
}
