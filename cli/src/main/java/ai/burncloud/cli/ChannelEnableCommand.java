package ai.burncloud.cli;

import ai.burncloud.database.Channel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "enable", description = "Enable a channel and its routes.")
final class ChannelEnableCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The channel id.")
    long id;

    @Mixin
    JsonOption output;

    ChannelEnableCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Channel channel = ctx.changing(
                "channels",
                "enable",
                s -> Long.toString(id),
                null,
                s -> s.channels().enable(id));
        ChannelViews.printStatus(ctx.out(), output.json, channel);
        return ExitCode.OK;
    }
}
