package ai.burncloud.cli;

import ai.burncloud.database.User;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code burncloud user passwd}: sets a user's console password, root's included — the way back in
 * when the root password is lost ({@code BURNCLOUD_ROOT_PASSWORD} only applies to a new database).
 */
@Command(
        name = "passwd",
        description = {
            "Set a user's console password (also root's) and end their console sessions.",
            "  printf '%s\\n' \"$NEW_PASSWORD\" | burncloud user passwd root --password-stdin"
        })
final class UserPasswdCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "USERNAME", description = "The user.")
    String username;

    @Option(
            names = "--password-stdin",
            required = true,
            description = "Read the new password from the first line of stdin (never from the command line).")
    boolean passwordStdin;

    @Mixin
    JsonOption output;

    UserPasswdCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String password = ctx.passwordFromStdin();
        User user = ctx.changing("users", "passwd", s -> UserDeleteCommand.userId(s, username), null, s -> {
            User u = s.users().get(username);
            s.users().setPassword(u.id(), password);
            return u;
        });
        if (output.json) {
            JsonOutput.print(ctx.out(), UserViews.json(user));
        } else {
            ctx.out().println("Password of " + user.username() + " changed; their console sessions were ended.");
        }
        return ExitCode.OK;
    }
}
