package ai.burncloud.cli;

import ai.burncloud.database.User;
import ai.burncloud.service.NewUserRequest;
import ai.burncloud.service.ServiceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        String password = passwordStdin ? readPassword() : null;
        User user = ctx.withServices(s -> s.users().add(new NewUserRequest(username, password, role, group, balance)));
        if (output.json) {
            JsonOutput.print(ctx.out(), UserViews.json(user));
        } else {
            ctx.out()
                    .println("Created user " + user.username() + " (id " + user.id() + ", role "
                            + user.role().id() + ", balance " + Formats.money(user.balance()) + ").");
        }
        return ExitCode.OK;
    }

    private String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw ServiceException.invalid("--password-stdin: no password on standard input");
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
