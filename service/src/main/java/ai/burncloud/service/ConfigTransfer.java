package ai.burncloud.service;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.ConfigWriter;
import ai.burncloud.database.Repositories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Configuration as a file, for the CLI and the REST API alike: export the configuration as YAML,
 * show what importing a file would change, and import it in one transaction that bumps the
 * configuration version (running routers reload as after any change). Every import that changes
 * something is audited: one entry per entity it touched, as its own API shows it (keys as hints),
 * and one {@code config}/{@code import} entry with the counts.
 */
public final class ConfigTransfer {
    private final Repositories repos;
    private final BurnCloudConfig config;
    private final AuditTrail audit;
    private final Function<String, String> env;

    /** @param env where {@code ${env:NAME}} references are looked up */
    public ConfigTransfer(Repositories repos, BurnCloudConfig config, AuditTrail audit, Function<String, String> env) {
        this.repos = repos;
        this.config = config;
        this.audit = audit;
        this.env = env;
    }

    /** Who imports, for the audit log and for what they may change. */
    public record Importer(String actor, String source, boolean mayChangeOptions) {}

    /** The configuration as YAML: the same configuration always gives the same bytes. */
    public String export() {
        return ConfigExport.write(ConfigState.load(repos, config));
    }

    /** The same document as a JSON tree, for {@code --json}. */
    public ObjectNode exportTree() {
        return ConfigExport.tree(ConfigState.load(repos, config));
    }

    /**
     * What importing {@code yaml} would do; changes nothing.
     *
     * @throws ServiceException INVALID naming the line of the first problem in the file
     */
    public ConfigDiff diff(String yaml, boolean prune) {
        return ConfigPlanner.plan(ConfigFile.parse(yaml), ConfigState.load(repos, config), env, prune)
                .diff();
    }

    /**
     * Imports {@code yaml}: all of it in one transaction, or nothing when any entry is bad.
     *
     * @param dryRun plan and report only, like {@link #diff}
     * @throws ServiceException INVALID naming the line of the first problem in the file; FORBIDDEN when
     *     the file changes options and the importer may not
     */
    public ConfigDiff importFile(String yaml, boolean prune, boolean dryRun, Importer who) {
        ConfigFile file = ConfigFile.parse(yaml);
        ConfigPlanner.Planned planned = ConfigPlanner.plan(file, ConfigState.load(repos, config), env, prune);
        ConfigDiff diff = planned.diff();
        if (!who.mayChangeOptions() && touchesOptions(diff)) {
            throw ServiceException.forbidden("only root may change options: leave the options section out"
                    + " or make it match the options in force");
        }
        if (dryRun || diff.isEmpty()) {
            return diff;
        }
        Map<ConfigDiff.Entry, String> ids = new IdentityHashMap<>();
        planned.channelIds().forEach((e, id) -> ids.put(e, id.toString()));
        List<Audited> touched = new ArrayList<>();
        for (ConfigDiff.Entry e : diff.added()) {
            touched.add(new Audited(e, "create", null));
        }
        for (ConfigDiff.Entry e : diff.changed()) {
            touched.add(new Audited(e, "update", load(e, id(e, ids))));
        }
        for (ConfigDiff.Entry e : diff.deleted()) {
            touched.add(new Audited(e, "delete", load(e, id(e, ids))));
        }
        List<Long> created;
        try {
            created = ConfigWriter.over(repos).apply(planned.plan());
        } catch (ConfigWriter.ConcurrentChange e) {
            throw ServiceException.conflict(e.getMessage() + "; nothing was imported, run the import again");
        }
        for (int i = 0; i < created.size(); i++) {
            ids.put(planned.newChannels().get(i), created.get(i).toString());
        }
        for (Audited a : touched) {
            String id = id(a.entry(), ids);
            JsonNode after = a.action().equals("delete") ? null : load(a.entry(), id);
            audit.record(who.actor(), who.source(), entity(a.entry().section()), id, a.action(), a.before(), after);
        }
        ObjectNode summary = JsonViews.object();
        summary.put("added", diff.added().size());
        summary.put("changed", diff.changed().size());
        summary.put("deleted", diff.deleted().size());
        summary.put("prune", prune);
        audit.record(who.actor(), who.source(), "config", null, "import", null, summary);
        return diff;
    }

    private record Audited(ConfigDiff.Entry entry, String action, JsonNode before) {}

    private static boolean touchesOptions(ConfigDiff diff) {
        return diff.changed().stream().anyMatch(e -> e.section().equals("options"))
                || diff.deleted().stream().anyMatch(e -> e.section().equals("options"));
    }

    /** The audit log's entity name for a file section. */
    static String entity(String section) {
        return switch (section) {
            case "model_ratios" -> "ratios.models";
            case "groups" -> "ratios.groups";
            default -> section;
        };
    }

    /** The audited entity's id: a channel's from the plan or the write, otherwise the entry's natural key. */
    private static String id(ConfigDiff.Entry e, Map<ConfigDiff.Entry, String> channelIds) {
        return e.section().equals("channels") ? channelIds.get(e) : e.name();
    }

    /** The entity as its API shows it; an option as its value in force. */
    private JsonNode load(ConfigDiff.Entry e, String id) {
        if (e.section().equals("options")) {
            ObjectNode o = JsonViews.object();
            OptionKey k = OptionKey.byId(e.name());
            o.set(
                    k.id(),
                    ConfigState.optionJson(
                            k, new OptionAdmin(repos, config).current().text(k)));
            return o;
        }
        return audit.snapshots().load(entity(e.section()), id);
    }
}
