package ai.burncloud.cli;

import ai.burncloud.database.Token;
import ai.burncloud.service.JsonViews;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a token; its key stops working at once.")
final class TokenDeleteCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The token id.")
    long id;

    @Mixin
    JsonOption output;

    TokenDeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Token token = ctx.changing(
                "tokens",
                "delete",
                s -> Long.toString(id),
                null,
                s -> s.tokens().delete(id));
        if (output.json) {
            JsonOutput.print(ctx.out(), JsonViews.object().put("id", id).put("deleted", true));
        } else {
            ctx.out().println("Deleted token " + id + " (" + token.name() + ").");
        }
        return ExitCode.OK;
    }
}
