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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Map<String, List<Channel>> byName = new HashMap<>();
        for (Channel c : state.channels()) {
            byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
        }
        Set<String> seen = new HashSet<>();
        for (ConfigFile.ChannelEntry e : file.channels()) {
            String label = ConfigPlanner.label(e.at(), e.name());
            String name = planner.at(e.at() + "/name", label, () -> Inputs.name("channel name", e.name()));
            if (!seen.add(name)) {
                throw planner.invalid(
                        e.at() + "/name", label + ": a channel named '" + name + "' is already in the file");
            }
            List<Channel> same = byName.getOrDefault(name, List.of());
            if (same.size() > 1) {
                throw planner.invalid(
                        e.at() + "/name",
                        label + ": the database has " + same.size() + " channels named '" + name
                                + "'; rename all but one before importing (channels are matched by name)");
            }
            Channel current = same.isEmpty() ? null : same.get(0);
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
                planner.added(new ConfigDiff.Entry("channels", name, channelFields(null, spec, e.enabled())));
                upserts.add(new ConfigPlan.ChannelUpsert(
                        null,
                        spec,
                        e.enabled() ? ChannelStatus.ENABLED : ChannelStatus.DISABLED,
                        e.enabled() ? null : DISABLED_REASON));
                continue;
            }
            List<ConfigDiff.Field> fields = channelFields(current, spec, e.enabled());
            if (!fields.isEmpty()) {
                planner.changed(new ConfigDiff.Entry("channels", name, fields));
                boolean enabledNow = current.status() == ChannelStatus.ENABLED;
                ChannelStatus status =
                        e.enabled() == enabledNow ? null : e.enabled() ? ChannelStatus.ENABLED : ChannelStatus.DISABLED;
                upserts.add(new ConfigPlan.ChannelUpsert(
                        current.id(), spec, status, status == ChannelStatus.DISABLED ? DISABLED_REASON : null));
            }
        }
        for (Channel c : state.channels()) {
            if (!seen.contains(c.name())) {
                if (prune) {
                    planner.deleted(new ConfigDiff.Entry("channels", c.name(), List.of()));
                    deletes.add(c.id());
                } else {
                    planner.notInFile(new ConfigDiff.Entry("channels", c.name(), List.of()));
                }
            }
        }
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
