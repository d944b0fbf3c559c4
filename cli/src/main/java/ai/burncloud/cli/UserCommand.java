package ai.burncloud.cli;

import picocli.CommandLine.Command;

/** {@code burncloud user}: console users, who own tokens and balances. */
@Command(
        name = "user",
        description = "Manage users (owners of tokens and balances).",
        subcommands = {
            UserAddCommand.class,
            UserListCommand.class,
            UserTopupCommand.class,
            UserPasswdCommand.class,
            UserDeleteCommand.class
        })
final class UserCommand {}
