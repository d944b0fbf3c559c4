package ai.burncloud.cli;

import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import java.util.List;
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

    private record Shown(Channel channel, List<Ability> abilities) {}

    @Override
    public Integer call() {
        Shown shown = ctx.withServices(
                s -> new Shown(s.channels().get(id), s.channels().abilities(id)));
        if (output.json) {
            JsonOutput.print(ctx.out(), ChannelViews.json(shown.channel(), shown.abilities()));
        } else {
            ChannelViews.details(shown.channel(), shown.abilities()).print(ctx.out());
        }
        return ExitCode.OK;
    }
}
