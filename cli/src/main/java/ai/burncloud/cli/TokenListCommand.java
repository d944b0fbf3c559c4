package ai.burncloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List every token (key prefixes only).")
final class TokenListCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption output;

    TokenListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.withServices(s -> {
            var tokens = s.tokens().list();
            TokenViews views = TokenViews.of(s.users().list());
            if (output.json) {
                JsonOutput.print(ctx.out(), views.json(tokens));
            } else if (tokens.isEmpty()) {
                ctx.out().println("No tokens yet. Create one with: burncloud token create --name NAME");
            } else {
                views.table(tokens).print(ctx.out());
            }
            return ExitCode.OK;
        });
    }
}
