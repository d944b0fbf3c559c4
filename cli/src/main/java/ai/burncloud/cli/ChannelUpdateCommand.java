package ai.burncloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "update",
        description = {
            "Change some fields of a channel; the others stay. Its routes follow.",
            "  burncloud channel update 3 --models gpt-4,gpt-4o --weight 10"
        })
final class ChannelUpdateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The channel id.")
    long id;

    @Mixin
    ChannelOptions fields;

    @Mixin
    JsonOption output;

    ChannelUpdateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ChannelViews.WithRoutes shown = ctx.changing(
                "channels",
                "update",
                s -> Long.toString(id),
                null,
                s -> new ChannelViews.WithRoutes(
                        s.channels().update(id, fields.request()), s.channels().abilities(id)));
        if (!output.json) {
            ctx.out().println("Updated channel " + id + ".");
        }
        ChannelViews.print(ctx.out(), output.json, shown);
        return ExitCode.OK;
    }
}
