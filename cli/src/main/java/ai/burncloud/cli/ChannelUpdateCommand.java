package ai.burncloud.cli;

import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import java.util.List;
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

    private record Shown(Channel channel, List<Ability> abilities) {}

    @Override
    public Integer call() {
        Shown shown = ctx.withServices(s -> new Shown(
                s.channels().update(id, fields.request()), s.channels().abilities(id)));
        if (output.json) {
            JsonOutput.print(ctx.out(), ChannelViews.json(shown.channel(), shown.abilities()));
        } else {
            ctx.out().println("Updated channel " + id + ".");
            ChannelViews.details(shown.channel(), shown.abilities()).print(ctx.out());
        }
        return ExitCode.OK;
    }
}
