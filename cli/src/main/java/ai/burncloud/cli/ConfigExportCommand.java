package ai.burncloud.cli;

import ai.burncloud.service.ServiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        description = {
            "Write the configuration (channels, prices and aliases, model ratios, groups, options) as YAML.",
            "Channel keys are written as $${env:NAME} references, never in clear.",
            "With --json, the same document as JSON.",
            "  burncloud config export --output burncloud.yaml"
        })
final class ConfigExportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption json;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    ConfigExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String yaml = ctx.withServices(s -> json.json
                ? JsonOutput.text(ConfigFiles.transfer(ctx, s).exportTree())
                : ConfigFiles.transfer(ctx, s).export());
        if (output == null) {
            ctx.out().print(yaml);
            return ExitCode.OK;
        }
        try {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ServiceException.unavailable("cannot write " + output + ": " + e.getMessage());
        }
        ctx.out().println("Wrote the configuration to " + output + ".");
        return ExitCode.OK;
    }
}
