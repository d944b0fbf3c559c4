package ai.burncloud.cli;

import picocli.CommandLine.Command;

/** {@code burncloud audit}: who changed what, through the API or the CLI. */
@Command(
        name = "audit",
        description = "Read the audit log of admin changes.",
        subcommands = {AuditListCommand.class})
final class AuditCommand {}
