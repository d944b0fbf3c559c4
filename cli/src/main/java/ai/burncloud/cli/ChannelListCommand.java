package ai.burncloud.cli;

import ai.burncloud.database.Channel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List every channel.")
final class ChannelListCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption output;

    ChannelListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<Channel> channels = ctx.withServices(s -> s.channels().list());
        if (output.json) {
            JsonOutput.print(ctx.out(), ChannelViews.json(channels));
        } else if (channels.isEmpty()) {
            ctx.out().println("No channels yet. Add one with: burncloud channel add --help");
        } else {
            ChannelViews.table(channels).print(ctx.out());
        }
        return ExitCode.OK;
    }
}
