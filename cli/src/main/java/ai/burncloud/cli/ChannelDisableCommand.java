package ai.burncloud.cli;

import ai.burncloud.database.Channel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "disable", description = "Disable a channel and its routes (kept, but never routed to).")
final class ChannelDisableCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The channel id.")
    long id;

    @Mixin
    JsonOption output;

    ChannelDisableCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Channel channel = ctx.changing(
                "channels",
                "disable",
                s -> Long.toString(id),
                null,
                s -> s.channels().disable(id));
        ChannelViews.printStatus(ctx.out(), output.json, channel);
        return ExitCode.OK;
    }
}
