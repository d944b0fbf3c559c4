package ai.burncloud.cli;

import ai.burncloud.database.User;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "topup", description = "Add dollars to a user's balance (exit 1 if the balance is unlimited).")
final class UserTopupCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "USERNAME", description = "The user.")
    String username;

    @Option(names = "--amount", required = true, paramLabel = "USD", description = "Dollars to add, e.g. 10 or 2.5.")
    String amount;

    @Mixin
    JsonOption output;

    UserTopupCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        User user = ctx.changing(
                "users",
                "topup",
                s -> UserDeleteCommand.userId(s, username),
                null,
                s -> s.users().topUp(username, amount));
        if (output.json) {
            JsonOutput.print(ctx.out(), UserViews.json(user));
        } else {
            ctx.out().println("Balance of " + user.username() + " is now " + Formats.money(user.balance()) + " USD.");
        }
        return ExitCode.OK;
    }
}
