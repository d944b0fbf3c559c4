package ai.burncloud.cli;

import ai.burncloud.database.Status;
import ai.burncloud.database.Token;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "enable", description = "Enable a token again.")
final class TokenEnableCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The token id.")
    long id;

    @Mixin
    JsonOption output;

    TokenEnableCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.changing("tokens", "enable", s -> Long.toString(id), null, s -> {
            Token token = s.tokens().setStatus(id, Status.ENABLED);
            TokenViews.printStatus(ctx.out(), output.json, token, s);
            return ExitCode.OK;
        });
    }
}
