package ai.burncloud.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch every admin command has. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON (snake_case fields, money in decimal dollars) instead of text.")
    boolean json;
}
