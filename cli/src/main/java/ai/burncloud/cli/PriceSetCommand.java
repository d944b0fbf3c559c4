package ai.burncloud.cli;

import ai.burncloud.service.PriceEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "set",
        description = {
            "Set a model's price in USD per 1M tokens, or make it an alias of another model.",
            "  burncloud price set gpt-4 --input 30.0 --output 60.0",
            "  burncloud price set gpt-4-turbo --alias gpt-4"
        })
final class PriceSetCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model to price.")
    String model;

    @Option(names = "--input", paramLabel = "USD", description = "Price of 1M prompt tokens.")
    String input;

    @Option(names = "--output", paramLabel = "USD", description = "Price of 1M completion tokens.")
    String output;

    @Option(
            names = "--cached-input",
            paramLabel = "USD",
            description = "Price of 1M cached prompt tokens (default: billed as input).")
    String cachedInput;

    @Option(names = "--alias", paramLabel = "MODEL", description = "Use this other model's price instead.")
    String alias;

    @Mixin
    JsonOption json;

    PriceSetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean priced = input != null || output != null || cachedInput != null;
        if (alias != null && priced) {
            throw new ParameterException(spec.commandLine(), "--alias cannot be combined with --input/--output");
        }
        if (alias == null && (input == null || output == null)) {
            throw new ParameterException(spec.commandLine(), "give --input and --output, or --alias");
        }
        PriceEntry price = ctx.changing(
                "prices",
                "set",
                s -> model,
                null,
                s -> alias != null
                        ? s.prices().alias(model, alias)
                        : s.prices().set(model, input, output, cachedInput));
        if (!json.json) {
            ctx.out()
                    .println(
                            alias != null
                                    ? "Price of " + price.model() + " now follows " + alias + "."
                                    : "Price of " + price.model() + " set.");
        }
        PriceViews.print(ctx.out(), json.json, price);
        return ExitCode.OK;
    }
}
