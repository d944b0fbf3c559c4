package ai.burncloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Show one token (exit 1 if there is none).")
final class TokenGetCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The token id.")
    long id;

    @Mixin
    JsonOption output;

    TokenGetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.withServices(s -> {
            var token = s.tokens().get(id);
            TokenViews views = TokenViews.of(s.users().list());
            if (output.json) {
                JsonOutput.print(ctx.out(), views.json(token));
            } else {
                views.details(token).print(ctx.out());
            }
            return ExitCode.OK;
        });
    }
}
