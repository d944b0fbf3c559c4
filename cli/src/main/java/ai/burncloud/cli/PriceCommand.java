package ai.burncloud.cli;

import picocli.CommandLine.Command;

/** {@code burncloud price}: model prices per 1M tokens. */
@Command(
        name = "price",
        description = "Manage model prices (USD per 1M tokens) and aliases.",
        subcommands = {PriceListCommand.class, PriceGetCommand.class, PriceSetCommand.class, PriceDeleteCommand.class})
final class PriceCommand {}
