package ai.burncloud.cli;

import ai.burncloud.database.User;
import ai.burncloud.service.JsonViews;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a user and their tokens (root cannot be deleted).")
final class UserDeleteCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "USERNAME", description = "The user.")
    String username;

    @Mixin
    JsonOption output;

    UserDeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        User user = ctx.withServices(s -> s.users().delete(username));
        if (output.json) {
            JsonOutput.print(
                    ctx.out(),
                    JsonViews.object().put("username", user.username()).put("deleted", true));
        } else {
            ctx.out().println("Deleted user " + user.username() + " and their tokens.");
        }
        return ExitCode.OK;
    }
}
