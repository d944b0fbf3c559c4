package ai.burncloud.cli;

import ai.burncloud.common.Json;
import ai.burncloud.database.AuditEntry;
import ai.burncloud.database.AuditQuery;
import ai.burncloud.database.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code burncloud audit list}: the newest audit entries, filtered. */
@Command(name = "list", description = "List audit entries, newest first.")
final class AuditListCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--actor", description = "Only this actor (a username, or cli@HOST).")
    String actor;

    @Option(names = "--entity", description = "Only this entity (channels, users, tokens, prices, ...).")
    String entity;

    @Option(names = "--id", description = "Only this entity id.")
    String entityId;

    @Option(names = "--action", description = "Only this action (create, update, delete, ...).")
    String action;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many entries (1-500; default 50).")
    int limit;

    @Mixin
    JsonOption output;

    AuditListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AuditQuery q = new AuditQuery(actor, entity, entityId, action, null, null);
        Page<AuditEntry> page = ctx.withServices(s -> s.repos().audit().list(q, 1, limit));
        if (output.json) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            page.items().forEach(e -> items.add(json(e)));
            JsonOutput.print(ctx.out(), items);
        } else if (page.items().isEmpty()) {
            ctx.out().println("No audit entries.");
        } else {
            Table t = Table.of("TIME", "ACTOR", "ENTITY", "ID", "ACTION");
            page.items()
                    .forEach(
                            e -> t.row(Formats.time(e.atMs() / 1000), e.actor(), e.entity(), e.entityId(), e.action()));
            t.print(ctx.out());
        }
        return ExitCode.OK;
    }

    private static ObjectNode json(AuditEntry e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", e.id());
        n.put("time", e.atMs() / 1000);
        n.put("actor", e.actor());
        n.put("source", e.source());
        n.put("entity", e.entity());
        n.put("entity_id", e.entityId());
        n.put("action", e.action());
        n.set("before", e.before() == null ? null : Json.parse(e.before()));
        n.set("after", e.after() == null ? null : Json.parse(e.after()));
        return n;
    }
}
