package ai.burncloud.cli;

import ai.burncloud.service.PriceEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List every model price; aliases show the price they resolve to.")
final class PriceListCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption output;

    PriceListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<PriceEntry> prices = ctx.withServices(s -> s.prices().list());
        if (output.json) {
            JsonOutput.print(ctx.out(), PriceViews.json(prices));
        } else if (prices.isEmpty()) {
            ctx.out().println("No prices yet. Set one with: burncloud price set MODEL --input X --output Y");
        } else {
            ctx.out().println("Prices in USD per 1M tokens:");
            PriceViews.table(prices).print(ctx.out());
        }
        return ExitCode.OK;
    }
}
