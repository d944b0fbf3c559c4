package ai.burncloud.server;

import ai.burncloud.common.ConfigLoader;
import ai.burncloud.service.ConfigDiff;
import ai.burncloud.service.ConfigTransfer;
import ai.burncloud.service.ConsoleCaller;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code /api/config} (administrators): the configuration as a YAML file. {@code GET} exports it,
 * {@code POST /api/config/diff} shows what importing a file would change, {@code POST
 * /api/config/import} applies it in one transaction. Bodies are the file's text (YAML, or JSON, which
 * YAML reads too). Key references ({@code ${env:NAME}}) resolve from this process's environment and
 * its {@code .env}. The import audits every entity it touches itself (see {@link AuditedRoutes}).
 */
final class ConfigApi {
    private final ApiServices s;
    private final Blocking blocking;

    ConfigApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/config", Access.ADMIN, this::export);
        r.post("/api/config/diff", Access.ADMIN, this::diff);
        r.post("/api/config/import", Access.ADMIN, this::importFile);
    }

    private ConfigTransfer transfer() {
        Map<String, String> env = ConfigLoader.merged(System.getenv(), Path.of(".env"));
        return new ConfigTransfer(s.repos(), s.config(), s.audit(), env::get);
    }

    private void export(RoutingContext ctx) {
        if ("json".equals(Params.query(ctx, "format"))) {
            blocking.json(ctx, () -> transfer().exportTree());
            return;
        }
        blocking.run(
                ctx,
                () -> transfer().export(),
                (c, yaml) -> c.response()
                        .putHeader("content-type", "application/yaml; charset=utf-8")
                        .putHeader("cache-control", "no-store")
                        .end(yaml));
    }

    private static String file(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.invalid("the body must be a configuration file (YAML)");
        }
        return body.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean flag(RoutingContext ctx, String name) {
        Boolean b = Params.queryBool(ctx, name);
        return b != null && b;
    }

    private void diff(RoutingContext ctx) {
        String yaml = file(ctx);
        boolean prune = flag(ctx, "prune");
        blocking.json(ctx, () -> transfer().diff(yaml, prune).json());
    }

    private void importFile(RoutingContext ctx) {
        String yaml = file(ctx);
        boolean prune = flag(ctx, "prune");
        boolean dryRun = flag(ctx, "dry_run");
        ConsoleCaller caller = Authenticator.caller(ctx);
        ConfigTransfer.Importer who = new ConfigTransfer.Importer(caller.user().username(), "api", caller.isRoot());
        blocking.json(ctx, () -> {
            ConfigDiff diff = transfer().importFile(yaml, prune, dryRun, who);
            ObjectNode n = diff.json();
            n.put("dry_run", dryRun);
            n.put("applied", !dryRun && !diff.isEmpty());
            return n;
        });
    }
}
