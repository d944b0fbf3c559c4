package ai.burncloud.cli;

import ai.burncloud.service.CreatedToken;
import ai.burncloud.service.JsonViews;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "create",
        description = {
            "Create a token. The full key is printed once, as the last line; only its prefix is kept.",
            "  burncloud token create --name ci --quota 10 --expires 2026-12-31"
        })
final class TokenCreateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--user", paramLabel = "USERNAME", description = "The owner (default: root).")
    String user;

    @Mixin
    TokenOptions fields;

    @Mixin
    JsonOption output;

    TokenCreateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CreatedToken created = ctx.changing(
                "tokens",
                "create",
                null,
                t -> Long.toString(t.token().id()),
                s -> s.tokens().create(fields.request(user)));
        if (output.json) {
            JsonOutput.print(
                    ctx.out(),
                    JsonViews.object().put("id", created.token().id()).put("key", created.key()));
        } else {
            ctx.out()
                    .println("Created token " + created.token().id() + " ("
                            + created.token().name() + "). Copy the key now; it is never shown again:");
            ctx.out().println(created.key());
        }
        return ExitCode.OK;
    }
}
