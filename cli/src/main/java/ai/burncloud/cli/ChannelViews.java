package ai.burncloud.cli;

import ai.burncloud.common.Json;
import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelTest;
import ai.burncloud.service.JsonViews;
import ai.burncloud.service.KeyHint;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/** Channels as people and scripts see them; the upstream key is only ever hinted at. */
final class ChannelViews {
    private ChannelViews() {}

    static ObjectNode json(Channel c) {
        return JsonViews.channel(c);
    }

    static ObjectNode json(Channel c, List<Ability> abilities) {
        return JsonViews.channel(c, abilities);
    }

    static ArrayNode json(List<Channel> channels) {
        ArrayNode a = JsonViews.array();
        channels.forEach(c -> a.add(json(c)));
        return a;
    }

    static Table table(List<Channel> channels) {
        Table t = Table.of("ID", "NAME", "TYPE", "STATUS", "PRIORITY", "WEIGHT", "MODELS", "GROUPS", "BASE URL");
        for (Channel c : channels) {
            t.row(
                    c.id(),
                    c.name(),
                    c.type().id(),
                    c.status().id(),
                    c.priority(),
                    c.weight(),
                    Formats.list(c.models(), "-"),
                    Formats.list(c.groups(), "-"),
                    c.baseUrl());
        }
        return t;
    }

    /** One channel and its routes: what {@code get} and {@code update} show. */
    record WithRoutes(Channel channel, List<Ability> abilities) {}

    /** One channel with its routes, as {@code --json} asks: JSON for scripts, details for people. */
    static void print(PrintWriter out, boolean json, WithRoutes shown) {
        if (json) {
            JsonOutput.print(out, json(shown.channel(), shown.abilities()));
        } else {
            details(shown.channel(), shown.abilities()).print(out);
        }
    }

    /** What {@code enable} and {@code disable} print: the channel as JSON, or one line with its status. */
    static void printStatus(PrintWriter out, boolean json, Channel c) {
        if (json) {
            JsonOutput.print(out, json(c));
        } else {
            out.println("Channel " + c.id() + " (" + c.name() + ") is now "
                    + c.status().id() + ".");
        }
    }

    static Details details(Channel c, List<Ability> abilities) {
        Details d = new Details()
                .add("id", c.id())
                .add("name", c.name())
                .add("type", c.type().id())
                .add("status", c.status().id() + (c.statusReason() == null ? "" : " (" + c.statusReason() + ")"))
                .add("base url", c.baseUrl())
                .add("key", KeyHint.of(c.apiKey()))
                .add("models", Formats.list(c.models(), "-"))
                .add("groups", Formats.list(c.groups(), "-"))
                .add("priority", c.priority())
                .add("weight", c.weight())
                .add("model mapping", c.modelMapping().isEmpty() ? "-" : Json.write(c.modelMapping()))
                .add("config", c.config())
                .add("used", Formats.money(c.usedQuota()) + " USD")
                .add("abilities", abilities.size() + " (" + enabled(abilities) + " enabled)");
        ChannelTest t = c.lastTest();
        if (t != null) {
            d.add(
                    "last test",
                    Formats.time(t.testedAt())
                            + (t.ok() ? " ok" : " failed")
                            + (t.latencyMs() == null ? "" : ", " + t.latencyMs() + " ms")
                            + (t.error() == null ? "" : ": " + t.error()));
        }
        return d.add("created", Formats.time(c.createdAt())).add("updated", Formats.time(c.updatedAt()));
    }

    private static long enabled(List<Ability> abilities) {
        return abilities.stream().filter(Ability::enabled).count();
    }
}
