package ai.burncloud.service;

import ai.burncloud.common.Json;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelSpec;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.ConfigPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The channels section of an import: channels matched by name, each validated as {@code channel add}
 * validates it, its key resolved from its {@code ${env:NAME}} reference (an unset variable keeps the
 * key an existing channel has), and the fields that differ, the key only as "changed".
 */
final class ChannelSectionPlanner {
    static final String DISABLED_REASON = "disabled by a configuration import";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ConfigPlanner planner;
    private final ConfigFile file;
    private final ConfigState state;
    private final Function<String, String> env;
    private final boolean prune;

    ChannelSectionPlanner(
            ConfigPlanner planner, ConfigFile file, ConfigState state, Function<String, String> env, boolean prune) {
        this.planner = planner;
        this.file = file;
        this.state = state;
        this.env = env;
        this.prune = prune;
    }

    void plan(List<ConfigPlan.ChannelUpsert> upserts, List<Long> deletes) {
        if (file.channels() == null) {
            return;
        }
        Map<String, List<Channel>> byName = new java.util.TreeMap<>();
        for (Channel c : state.channels()) {
            byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
        }
        // names need not be unique: the k-th channel of a name in the file is the k-th of that name by id
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigFile.ChannelEntry e : file.channels()) {
            String label = ConfigPlanner.label(e.at(), e.name());
            String name = planner.at(e.at() + "/name", label, () -> Inputs.name("channel name", e.name()));
            int nth = seen.merge(name, 1, Integer::sum) - 1;
            List<Channel> same = byName.getOrDefault(name, List.of());
            Channel current = nth < same.size() ? same.get(nth) : null;
            String shown = shown(name, nth);
            String key = env.apply(e.keyVariable());
            if (key == null || key.isBlank()) {
                if (current == null) {
                    throw planner.invalid(
                            e.at() + "/key",
                            label + ": environment variable " + e.keyVariable()
                                    + " is not set; it must hold the key of this new channel");
                }
                key = current.apiKey();
            }
            String resolvedKey = key;
            ChannelSpec spec = planner.at(
                    e.at(),
                    label,
                    () -> ChannelSpecs.forNew(new ChannelRequest(
                            name,
                            e.type(),
                            e.baseUrl(),
                            resolvedKey,
                            e.models(),
                            e.groups(),
                            e.priority(),
                            e.weight(),
                            e.modelMapping() == null ? null : Json.write(e.modelMapping()),
                            e.config() == null ? null : Json.write(e.config()))));
            if (current == null) {
                planner.addedChannel(new ConfigDiff.Entry("channels", shown, channelFields(null, spec, e.enabled())));
                upserts.add(new ConfigPlan.ChannelUpsert(
                        null,
                        spec,
                        e.enabled() ? ChannelStatus.ENABLED : ChannelStatus.DISABLED,
                        e.enabled() ? null : DISABLED_REASON));
                continue;
            }
            List<ConfigDiff.Field> fields = channelFields(current, spec, e.enabled());
            if (!fields.isEmpty()) {
                planner.changedChannel(new ConfigDiff.Entry("channels", shown, fields), current.id());
                boolean enabledNow = current.status() == ChannelStatus.ENABLED;
                ChannelStatus status =
                        e.enabled() == enabledNow ? null : e.enabled() ? ChannelStatus.ENABLED : ChannelStatus.DISABLED;
                upserts.add(new ConfigPlan.ChannelUpsert(
                        current.id(), spec, status, status == ChannelStatus.DISABLED ? DISABLED_REASON : null));
            }
        }
        byName.forEach((name, same) -> {
            for (int nth = seen.getOrDefault(name, 0); nth < same.size(); nth++) {
                ConfigDiff.Entry entry = new ConfigDiff.Entry("channels", shown(name, nth), List.of());
                if (prune) {
                    planner.deletedChannel(entry, same.get(nth).id());
                    deletes.add(same.get(nth).id());
                } else {
                    planner.notInFile(entry);
                }
            }
        });
    }

    /** A channel's name in a diff: "openai", and "openai #2" for the second channel of that name. */
    private static String shown(String name, int nth) {
        return nth == 0 ? name : name + " #" + (nth + 1);
    }

    /** The fields that differ from {@code current} (every field for a new channel); the key's values never appear. */
    private static List<ConfigDiff.Field> channelFields(Channel current, ChannelSpec spec, boolean enabled) {
        List<ConfigDiff.Field> out = new ArrayList<>();
        ChannelSpec now = current == null ? null : current.spec();
        ConfigPlanner.field(
                out,
                "type",
                now == null ? null : ConfigPlanner.text(now.type().id()),
                ConfigPlanner.text(spec.type().id()));
        ConfigPlanner.field(
                out,
                "base_url",
                now == null ? null : ConfigPlanner.text(now.baseUrl()),
                ConfigPlanner.text(spec.baseUrl()));
        if (now == null || !Secrets.equal(now.apiKey(), spec.apiKey())) {
            out.add(new ConfigDiff.Field("key", null, null));
        }
        ConfigPlanner.field(
                out, "models", now == null ? null : JsonViews.strings(now.models()), JsonViews.strings(spec.models()));
        ConfigPlanner.field(
                out, "groups", now == null ? null : JsonViews.strings(now.groups()), JsonViews.strings(spec.groups()));
        ConfigPlanner.field(
                out,
                "priority",
                now == null ? null : NODES.numberNode(now.priority()),
                NODES.numberNode(spec.priority()));
        ConfigPlanner.field(
                out, "weight", now == null ? null : NODES.numberNode(now.weight()), NODES.numberNode(spec.weight()));
        ConfigPlanner.field(
                out,
                "model_mapping",
                now == null ? null : Json.mapper().valueToTree(now.modelMapping()),
                Json.mapper().valueToTree(spec.modelMapping()));
        ConfigPlanner.field(out, "config", now == null ? null : config(now.config()), config(spec.config()));
        ConfigPlanner.field(
                out,
                "enabled",
                current == null ? null : NODES.booleanNode(current.status() == ChannelStatus.ENABLED),
                NODES.booleanNode(enabled));
        return out;
    }

    private static JsonNode config(String text) {
        return text == null ? NODES.nullNode() : Json.parse(text);
    }
}
