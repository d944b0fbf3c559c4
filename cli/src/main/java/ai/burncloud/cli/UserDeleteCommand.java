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

    /** The id of the user named (not found fails the command, as the change itself would). */
    static String userId(Services s, String username) {
        return Long.toString(s.users().get(username).id());
    }

    UserDeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        User user = ctx.changing(
                "users",
                "delete",
                s -> userId(s, username),
                null,
                s -> s.users().delete(username));
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
