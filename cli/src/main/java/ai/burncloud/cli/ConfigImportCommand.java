package ai.burncloud.cli;

import ai.burncloud.service.ConfigDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        description = {
            "Apply FILE to the database in one transaction: all of it, or nothing when any entry is bad.",
            "Running routers pick the change up like any other. Keys come from the $${env:NAME} references.",
            "  burncloud config import burncloud.yaml --dry-run"
        })
final class ConfigImportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "FILE", description = "A configuration file (YAML).")
    Path file;

    @Option(names = "--dry-run", description = "Show what would change and change nothing.")
    boolean dryRun;

    @Option(names = "--prune", description = "Also delete what the file does not list, in each section the file has.")
    boolean prune;

    @Mixin
    JsonOption json;

    ConfigImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String yaml = ConfigFiles.read(file);
        ConfigDiff diff =
                ctx.withServices(s -> ConfigFiles.transfer(ctx, s).importFile(yaml, prune, dryRun, ConfigFiles.cli()));
        if (json.json) {
            var n = diff.json();
            n.put("dry_run", dryRun);
            n.put("applied", !dryRun && !diff.isEmpty());
            JsonOutput.print(ctx.out(), n);
            return ExitCode.OK;
        }
        ConfigDiffView.print(ctx.out(), diff);
        if (dryRun) {
            ctx.out().println("Dry run: nothing was changed.");
        } else if (!diff.isEmpty()) {
            ctx.out().println("Imported.");
        }
        return ExitCode.OK;
    }
}
