package ai.burncloud.cli;

import picocli.CommandLine.Command;

/** {@code burncloud token}: data-plane API keys. */
@Command(
        name = "token",
        description = "Manage API tokens (keys clients use to call the gateway).",
        subcommands = {
            TokenCreateCommand.class,
            TokenListCommand.class,
            TokenGetCommand.class,
            TokenUpdateCommand.class,
            TokenDisableCommand.class,
            TokenEnableCommand.class,
            TokenDeleteCommand.class
        })
final class TokenCommand {}
