package ai.burncloud.cli;

import picocli.CommandLine.Command;

/** {@code burncloud secrets}: the master key that encrypts upstream keys at rest. */
@Command(
        name = "secrets",
        description = "Manage the key that encrypts upstream keys at rest.",
        subcommands = {SecretsRotateCommand.class})
final class SecretsCommand {}
