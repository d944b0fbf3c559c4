package ai.burncloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "update",
        description = {
            "Change some fields of a token; the others stay. The key never changes.",
            "  burncloud token update 3 --quota 20 --expires -1"
        })
final class TokenUpdateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The token id.")
    long id;

    @Mixin
    TokenOptions fields;

    @Mixin
    JsonOption output;

    TokenUpdateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.changing("tokens", "update", s -> Long.toString(id), null, s -> {
            var token = s.tokens().update(id, fields.request(null));
            TokenViews views = TokenViews.of(s.users().list());
            if (!output.json) {
                ctx.out().println("Updated token " + id + ".");
            }
            views.print(ctx.out(), output.json, token);
            return ExitCode.OK;
        });
    }
}
