package ai.burncloud.cli;

import ai.burncloud.service.ConfigDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "diff",
        description = {
            "Show what importing FILE would add, change and delete; changes nothing.",
            "  burncloud config diff burncloud.yaml --prune"
        })
final class ConfigDiffCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "FILE", description = "A configuration file (YAML).")
    Path file;

    @Option(names = "--prune", description = "Show what is not in the file as deleted, as 'import --prune' would.")
    boolean prune;

    @Mixin
    JsonOption json;

    ConfigDiffCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String yaml = ConfigFiles.read(file);
        ConfigDiff diff = ctx.withServices(s -> ConfigFiles.transfer(ctx, s).diff(yaml, prune));
        if (json.json) {
            JsonOutput.print(ctx.out(), diff.json());
        } else {
            ConfigDiffView.print(ctx.out(), diff);
        }
        return ExitCode.OK;
    }
}
