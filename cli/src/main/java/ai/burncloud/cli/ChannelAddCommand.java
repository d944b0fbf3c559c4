package ai.burncloud.cli;

import ai.burncloud.database.Channel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "add",
        description = {
            "Add a channel and print its id. --name, --type, --key and --models are required.",
            "  burncloud channel add --name main --type openai --key sk-... --models gpt-4"
        })
final class ChannelAddCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ChannelOptions fields;

    @Mixin
    JsonOption output;

    ChannelAddCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Channel channel = ctx.changing(
                "channels",
                "create",
                null,
                c -> Long.toString(c.id()),
                s -> s.channels().add(fields.request()));
        if (output.json) {
            JsonOutput.print(ctx.out(), ChannelViews.json(channel));
        } else {
            ctx.out().println(channel.id());
        }
        return ExitCode.OK;
    }
}
