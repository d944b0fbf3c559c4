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
            TokenViews.of(s.users().list()).print(ctx.out(), output.json, token);
            return ExitCode.OK;
        });
    }
}
