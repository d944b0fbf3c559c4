package ai.burncloud.cli;

import ai.burncloud.service.JsonViews;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a model's price (exit 1 if it has none).")
final class PriceDeleteCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "MODEL", description = "The model whose price to delete.")
    String model;

    @Mixin
    JsonOption output;

    PriceDeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> broken = ctx.changing(
                "prices", "delete", s -> model, null, s -> s.prices().delete(model));
        if (output.json) {
            var n = JsonViews.object().put("model", model).put("deleted", true);
            n.set("unresolved_aliases", JsonViews.strings(broken));
            JsonOutput.print(ctx.out(), n);
        } else {
            ctx.out().println("Deleted the price of " + model + ".");
            if (!broken.isEmpty()) {
                ctx.out().println("These aliases now resolve to no price: " + String.join(", ", broken));
            }
        }
        return ExitCode.OK;
    }
}
