package ai.burncloud.service;

import ai.burncloud.database.ConfigPlan;
import ai.burncloud.database.GroupRatio;
import ai.burncloud.database.ModelRatio;
import ai.burncloud.database.Price;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares a configuration file with what the database holds and plans the import: every entry is
 * validated by the same rules as the CLI and the API use (an error names the entry's line), then the
 * differences become a {@link ConfigDiff} for people and a {@link ConfigPlan} for the database.
 * Nothing here writes.
 */
final class ConfigPlanner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * The diff and the writes that make it so; which channel each channel entry of the diff is: the id
     * of a changed or deleted one, and the entries of new ones in the order the plan creates them.
     */
    record Planned(
            ConfigDiff diff,
            ConfigPlan plan,
            Map<ConfigDiff.Entry, Long> channelIds,
            List<ConfigDiff.Entry> newChannels) {}

    private final Map<ConfigDiff.Entry, Long> channelIds = new java.util.IdentityHashMap<>();
    private final List<ConfigDiff.Entry> newChannels = new ArrayList<>();

    private final ConfigFile file;
    private final ConfigState state;
    private final Function<String, String> env;
    private final boolean prune;

    private final List<ConfigDiff.Entry> added = new ArrayList<>();
    private final List<ConfigDiff.Entry> changed = new ArrayList<>();
    private final List<ConfigDiff.Entry> deleted = new ArrayList<>();
    private final List<ConfigDiff.Entry> notInFile = new ArrayList<>();

    private ConfigPlanner(ConfigFile file, ConfigState state, Function<String, String> env, boolean prune) {
        this.file = file;
        this.state = state;
        this.env = env;
        this.prune = prune;
    }

    /**
     * @param env resolves {@code ${env:NAME}} references (null or blank: not set)
     * @throws ServiceException INVALID naming the line of the first bad entry
     */
    static Planned plan(ConfigFile file, ConfigState state, Function<String, String> env, boolean prune) {
        return new ConfigPlanner(file, state, env, prune).plan();
    }

    private Planned plan() {
        List<ConfigPlan.ChannelUpsert> upserts = new ArrayList<>();
        List<Long> channelDeletes = new ArrayList<>();
        new ChannelSectionPlanner(this, file, state, env, prune).plan(upserts, channelDeletes);
        List<Price> prices = new ArrayList<>();
        List<String> priceDeletes = new ArrayList<>();
        prices(prices, priceDeletes);
        List<ModelRatio> ratios = new ArrayList<>();
        List<String> ratioDeletes = new ArrayList<>();
        modelRatios(ratios, ratioDeletes);
        List<GroupRatio> groups = new ArrayList<>();
        List<String> groupDeletes = new ArrayList<>();
        groups(groups, groupDeletes);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> optionDeletes = new ArrayList<>();
        options(options, optionDeletes);
        return new Planned(
                new ConfigDiff(
                        List.copyOf(added), List.copyOf(changed), List.copyOf(deleted), List.copyOf(notInFile), prune),
                new ConfigPlan(
                        upserts,
                        channelDeletes,
                        prices,
                        priceDeletes,
                        ratios,
                        ratioDeletes,
                        groups,
                        groupDeletes,
                        options,
                        optionDeletes),
                channelIds,
                List.copyOf(newChannels));
    }

    /** Runs a validation, putting the entry's line and place in front of its message. */
    <T> T at(String pointer, String label, Supplier<T> check) {
        try {
            return check.get();
        } catch (ServiceException e) {
            if (e.kind() != ServiceException.Kind.INVALID) {
                throw e;
            }
            throw invalid(pointer, label + ": " + e.getMessage());
        }
    }

    ServiceException invalid(String pointer, String message) {
        return ServiceException.invalid("line " + file.line(pointer) + ": " + message);
    }

    static String label(String pointer, String name) {
        String[] p = pointer.substring(1).split("/");
        return p[0] + "[" + p[1] + "]" + (name == null ? "" : " (" + Inputs.clip(name) + ")");
    }

    static JsonNode text(String s) {
        return s == null ? NODES.nullNode() : NODES.textNode(s);
    }

    static void field(List<ConfigDiff.Field> out, String name, JsonNode before, JsonNode after) {
        if (before == null || !before.equals(after)) {
            out.add(new ConfigDiff.Field(name, before, after));
        }
    }

    // ---- prices

    private void prices(List<Price> writes, List<String> deletes) {
        if (file.prices() == null) {
            return;
        }
        Map<String, Price> current = new TreeMap<>();
        state.prices().forEach(p -> current.put(p.model(), p));
        Map<String, Price> after = new TreeMap<>(current);
        Map<String, String> where = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConfigFile.PriceEntryIn e : file.prices()) {
            String label = label(e.at(), e.model());
            String model = at(e.at() + "/model", label, () -> Inputs.identifier("model", e.model()));
            if (!seen.add(model)) {
                throw invalid(e.at() + "/model", label + ": '" + model + "' is already priced in the file");
            }
            Price p;
            if (e.alias() != null) {
                String target = at(e.at() + "/alias", label, () -> Inputs.identifier("alias", e.alias()));
                if (target.equals(model)) {
                    throw invalid(e.at() + "/alias", label + ": a model cannot be an alias of itself");
                }
                p = new Price(model, 0, 0, null, target, 0);
            } else {
                p = new Price(
                        model,
                        at(e.at() + "/input", label, () -> Inputs.dollars("input price", e.input())),
                        at(e.at() + "/output", label, () -> Inputs.dollars("output price", e.output())),
                        e.cachedInput() == null
                                ? null
                                : at(
                                        e.at() + "/cached_input",
                                        label,
                                        () -> Inputs.dollars("cached input price", e.cachedInput())),
                        null,
                        0);
            }
            after.put(model, p);
            where.put(model, e.at());
            Price now = current.get(model);
            List<ConfigDiff.Field> fields = priceFields(now, p);
            if (now == null) {
                added.add(new ConfigDiff.Entry("prices", model, fields));
                writes.add(p);
            } else if (!fields.isEmpty()) {
                changed.add(new ConfigDiff.Entry("prices", model, fields));
                writes.add(p);
            }
        }
        for (String model : current.keySet()) {
            if (!seen.contains(model)) {
                if (prune) {
                    after.remove(model);
                    deleted.add(new ConfigDiff.Entry("prices", model, List.of()));
                    deletes.add(model);
                } else {
                    notInFile.add(new ConfigDiff.Entry("prices", model, List.of()));
                }
            }
        }
        PriceBook book = new PriceBook(List.copyOf(after.values()), List.of());
        for (Price p : after.values()) {
            if (p.isAlias() && book.resolvePrice(p.model()).isEmpty()) {
                String at = where.getOrDefault(p.model(), "/prices");
                throw invalid(
                        at,
                        "prices: alias '" + p.model() + "' -> '" + p.aliasFor()
                                + "' would resolve to no price (its target has none, or the aliases form a cycle)");
            }
        }
    }

    private static List<ConfigDiff.Field> priceFields(Price now, Price p) {
        List<ConfigDiff.Field> out = new ArrayList<>();
        field(out, "input", now == null ? null : dollars(now, now.input()), dollars(p, p.input()));
        field(out, "output", now == null ? null : dollars(now, now.output()), dollars(p, p.output()));
        field(out, "cached_input", now == null ? null : dollars(now, now.cachedInput()), dollars(p, p.cachedInput()));
        field(out, "alias", now == null ? null : text(now.aliasFor()), text(p.aliasFor()));
        return out;
    }

    private static JsonNode dollars(Price p, Long nanos) {
        return p.isAlias() || nanos == null
                ? NODES.nullNode()
                : NODES.numberNode(ai.burncloud.common.Money.toDollars(nanos));
    }

    // ---- model ratios

    private void modelRatios(List<ModelRatio> writes, List<String> deletes) {
        if (file.modelRatios() == null) {
            return;
        }
        Map<String, ModelRatio> current = new TreeMap<>();
        state.modelRatios().forEach(r -> current.put(r.model(), r));
        Set<String> seen = new HashSet<>();
        for (ConfigFile.ModelRatioEntry e : file.modelRatios()) {
            String label = label(e.at(), e.model());
            ModelRatio r = at(
                    e.at(),
                    label,
                    () -> new ModelRatio(
                            Inputs.identifier("model", e.model()),
                            RatioAdmin.ratio("ratio", e.ratio()),
                            e.completionRatio() == null
                                    ? BigDecimal.ONE
                                    : RatioAdmin.ratio("completion_ratio", e.completionRatio())));
            if (!seen.add(r.model())) {
                throw invalid(e.at() + "/model", label + ": '" + r.model() + "' already has a ratio in the file");
            }
            ModelRatio now = current.get(r.model());
            List<ConfigDiff.Field> fields = new ArrayList<>();
            field(fields, "ratio", now == null ? null : decimal(now.ratio()), decimal(r.ratio()));
            field(
                    fields,
                    "completion_ratio",
                    now == null ? null : decimal(now.completionRatio()),
                    decimal(r.completionRatio()));
            record(now == null, "model_ratios", r.model(), fields, () -> writes.add(r));
        }
        current.keySet().stream()
                .filter(m -> !seen.contains(m))
                .forEach(m -> absent("model_ratios", m, () -> deletes.add(m)));
    }

    private static JsonNode decimal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return NODES.numberNode(s.scale() < 0 ? s.setScale(0) : s);
    }

    // ---- groups

    private void groups(List<GroupRatio> writes, List<String> deletes) {
        if (file.groups() == null) {
            return;
        }
        Map<String, GroupRatio> current = new TreeMap<>();
        state.groups().forEach(g -> current.put(g.group(), g));
        Set<String> seen = new HashSet<>();
        for (ConfigFile.GroupEntry e : file.groups()) {
            String label = label(e.at(), e.name());
            GroupRatio g = at(
                    e.at(),
                    label,
                    () -> new GroupRatio(
                            Inputs.identifier("group", e.name()),
                            RatioAdmin.ratio("ratio", e.ratio()),
                            e.description() == null || e.description().isBlank()
                                    ? null
                                    : Inputs.name("description", e.description())));
            if (!seen.add(g.group())) {
                throw invalid(e.at() + "/name", label + ": group '" + g.group() + "' is already in the file");
            }
            GroupRatio now = current.get(g.group());
            List<ConfigDiff.Field> fields = new ArrayList<>();
            field(fields, "ratio", now == null ? null : decimal(now.ratio()), decimal(g.ratio()));
            field(fields, "description", now == null ? null : text(now.description()), text(g.description()));
            record(now == null, "groups", g.group(), fields, () -> writes.add(g));
        }
        current.keySet().stream()
                .filter(g -> !seen.contains(g) && !g.equals(UserAdmin.DEFAULT_GROUP))
                .forEach(g -> absent("groups", g, () -> deletes.add(g)));
    }

    // ---- options

    private void options(Map<String, String> writes, List<String> deletes) {
        if (file.options() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ConfigFile.OptionEntry e : file.options()) {
            String label = "options." + Inputs.clip(e.name());
            OptionKey key = at(e.at(), label, () -> OptionKey.byId(e.name()));
            String value = at(e.at(), label, () -> key.normalize(e.value()));
            seen.add(key.id());
            String inForce = state.options().text(key);
            if (!value.equals(inForce)) {
                changed.add(new ConfigDiff.Entry(
                        "options",
                        key.id(),
                        List.of(new ConfigDiff.Field(
                                "value", ConfigState.optionJson(key, inForce), ConfigState.optionJson(key, value)))));
                writes.put(key.id(), value);
            }
        }
        for (OptionKey k : OptionKey.values()) {
            String stored = state.storedOptions().get(k.id());
            if (stored != null && !seen.contains(k.id())) {
                if (prune) {
                    deleted.add(new ConfigDiff.Entry(
                            "options",
                            k.id(),
                            List.of(new ConfigDiff.Field(
                                    "value",
                                    ConfigState.optionJson(k, state.options().text(k)),
                                    ConfigState.optionJson(k, k.defaultValue(state.config()))))));
                    deletes.add(k.id());
                } else {
                    notInFile.add(new ConfigDiff.Entry("options", k.id(), List.of()));
                }
            }
        }
    }

    // ---- shared

    void added(ConfigDiff.Entry e) {
        added.add(e);
    }

    void changed(ConfigDiff.Entry e) {
        changed.add(e);
    }

    void deleted(ConfigDiff.Entry e) {
        deleted.add(e);
    }

    void addedChannel(ConfigDiff.Entry e) {
        added.add(e);
        newChannels.add(e);
    }

    void changedChannel(ConfigDiff.Entry e, long id) {
        changed.add(e);
        channelIds.put(e, id);
    }

    void deletedChannel(ConfigDiff.Entry e, long id) {
        deleted.add(e);
        channelIds.put(e, id);
    }

    void notInFile(ConfigDiff.Entry e) {
        notInFile.add(e);
    }

    private void record(boolean isNew, String section, String name, List<ConfigDiff.Field> fields, Runnable write) {
        if (isNew) {
            added.add(new ConfigDiff.Entry(section, name, fields));
            write.run();
        } else if (!fields.isEmpty()) {
            changed.add(new ConfigDiff.Entry(section, name, fields));
            write.run();
        }
    }

    private void absent(String section, String name, Runnable delete) {
        if (prune) {
            deleted.add(new ConfigDiff.Entry(section, name, List.of()));
            delete.run();
        } else {
            notInFile.add(new ConfigDiff.Entry(section, name, List.of()));
        }
    }
}
