package ai.burncloud.cli;

import ai.burncloud.database.User;
import ai.burncloud.service.NewUserRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "add",
        description = {
            "Add a user. Without --password-stdin the user has no console password.",
            "  printf '%s\\n' \"$PASSWORD\" | burncloud user add --username alice --password-stdin --balance 10"
        })
final class UserAddCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--username", required = true, paramLabel = "NAME", description = "Unique user name.")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
    boolean passwordStdin;

    @Option(names = "--role", paramLabel = "ROLE", description = "user (default), admin or root.")
    String role;

    @Option(names = "--group", paramLabel = "GROUP", description = "Pricing and routing group (default: default).")
    String group;

    @Option(names = "--balance", paramLabel = "USD", description = "Starting balance in dollars, or -1 (default).")
    String balance;

    @Mixin
    JsonOption output;

    UserAddCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String password = passwordStdin ? ctx.passwordFromStdin() : null;
        User user = ctx.changing(
                "users",
                "create",
                null,
                u -> Long.toString(u.id()),
                s -> s.users().add(new NewUserRequest(username, password, role, group, balance)));
        if (output.json) {
            JsonOutput.print(ctx.out(), UserViews.json(user));
        } else {
            ctx.out()
                    .println("Created user " + user.username() + " (id " + user.id() + ", role "
                            + user.role().id() + ", balance " + Formats.money(user.balance()) + ").");
        }
        return ExitCode.OK;
    }
}
