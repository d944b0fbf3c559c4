package ai.burncloud.cli;

import ai.burncloud.database.Channel;
import ai.burncloud.service.JsonViews;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a channel and its routes.")
final class ChannelDeleteCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "ID", description = "The channel id.")
    long id;

    @Mixin
    JsonOption output;

    ChannelDeleteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Channel channel = ctx.changing(
                "channels",
                "delete",
                s -> Long.toString(id),
                null,
                s -> s.channels().delete(id));
        if (output.json) {
            JsonOutput.print(ctx.out(), JsonViews.object().put("id", id).put("deleted", true));
        } else {
            ctx.out().println("Deleted channel " + id + " (" + channel.name() + ").");
        }
        return ExitCode.OK;
    }
}
