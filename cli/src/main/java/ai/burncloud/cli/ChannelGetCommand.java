package ai.burncloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Show one channel and its routes (exit 1 if there is none).")
final class ChannelGetCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The channel id.")
    long id;

    @Mixin
    JsonOption output;

    ChannelGetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ChannelViews.WithRoutes shown = ctx.withServices(s ->
                new ChannelViews.WithRoutes(s.channels().get(id), s.channels().abilities(id)));
        ChannelViews.print(ctx.out(), output.json, shown);
        return ExitCode.OK;
    }
}
