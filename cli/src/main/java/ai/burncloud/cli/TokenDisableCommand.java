package ai.burncloud.cli;

import ai.burncloud.database.Status;
import ai.burncloud.database.Token;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "disable", description = "Disable a token: requests with it are refused until it is enabled.")
final class TokenDisableCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The token id.")
    long id;

    @Mixin
    JsonOption output;

    TokenDisableCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.changing("tokens", "disable", s -> Long.toString(id), null, s -> {
            Token token = s.tokens().setStatus(id, Status.DISABLED);
            TokenViews.printStatus(ctx.out(), output.json, token, s);
            return ExitCode.OK;
        });
    }
}
