package ai.burncloud.cli;

import picocli.CommandLine.Command;

/** {@code burncloud channel}: upstream provider accounts. */
@Command(
        name = "channel",
        description = "Manage channels (upstream provider accounts) and the routes derived from them.",
        subcommands = {
            ChannelAddCommand.class,
            ChannelListCommand.class,
            ChannelGetCommand.class,
            ChannelUpdateCommand.class,
            ChannelEnableCommand.class,
            ChannelDisableCommand.class,
            ChannelDeleteCommand.class
        })
final class ChannelCommand {}
