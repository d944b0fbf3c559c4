package ai.burncloud.cli;

import ai.burncloud.service.PriceEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Show the price of one model (exit 1 if it has none).")
final class PriceGetCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "MODEL", description = "The model, e.g. gpt-4.")
    String model;

    @Mixin
    JsonOption output;

    PriceGetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PriceEntry price = ctx.withServices(s -> s.prices().get(model));
        PriceViews.print(ctx.out(), output.json, price);
        return ExitCode.OK;
    }
}
