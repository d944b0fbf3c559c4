package ai.burncloud.cli;

import ai.burncloud.database.User;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List every user.")
final class UserListCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption output;

    UserListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<User> users = ctx.withServices(s -> s.users().list());
        if (output.json) {
            JsonOutput.print(ctx.out(), UserViews.json(users));
        } else {
            UserViews.table(users).print(ctx.out());
        }
        return ExitCode.OK;
    }
}
