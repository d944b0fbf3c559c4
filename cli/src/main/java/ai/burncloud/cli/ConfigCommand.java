package ai.burncloud.cli;

import picocli.CommandLine.Command;

/** {@code burncloud config}: the configuration as a YAML file, to move, review and apply. */
@Command(
        name = "config",
        description = "Export, diff and import the configuration as a YAML file.",
        subcommands = {ConfigExportCommand.class, ConfigDiffCommand.class, ConfigImportCommand.class})
final class ConfigCommand {}
