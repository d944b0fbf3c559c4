package ai.burncloud.server;

import ai.burncloud.common.Json;
import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelTest;
import ai.burncloud.service.ChannelTestResult;
import ai.burncloud.service.KeyHint;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A channel as the API shows it (the CLI's fields): the upstream key only as a hint. */
final class ChannelView {
    private ChannelView() {}

    static ObjectNode json(Channel c) {
        ObjectNode n = JsonNodes.object();
        n.put("id", c.id());
        n.put("name", c.name());
        n.put("type", c.type().id());
        n.put("status", c.status().id());
        n.put("status_reason", c.statusReason());
        n.put("base_url", c.baseUrl());
        n.put("key_hint", KeyHint.of(c.apiKey()));
        n.set("models", JsonNodes.strings(c.models()));
        n.set("groups", JsonNodes.strings(c.groups()));
        n.put("priority", c.priority());
        n.put("weight", c.weight());
        ObjectNode mapping = n.putObject("model_mapping");
        c.modelMapping().forEach(mapping::put);
        if (c.config() == null) {
            n.putNull("config");
        } else {
            n.set("config", Json.parse(c.config()));
        }
        JsonNodes.money(n, "used_quota", c.usedQuota());
        n.set("last_test", test(c.lastTest()));
        n.put("created_at", c.createdAt());
        n.put("updated_at", c.updatedAt());
        return n;
    }

    static ObjectNode json(Channel c, List<Ability> abilities) {
        ObjectNode n = json(c);
        ArrayNode a = n.putArray("abilities");
        for (Ability ab : abilities) {
            a.addObject()
                    .put("group", ab.group())
                    .put("model", ab.model())
                    .put("enabled", ab.enabled())
                    .put("priority", ab.priority())
                    .put("weight", ab.weight());
        }
        return n;
    }

    /** The answer of {@code POST /api/channels/{id}/test}. */
    static ObjectNode testResult(String model, ChannelTestResult r, Channel after) {
        ObjectNode n = JsonNodes.object();
        n.put("ok", r.ok());
        n.put("model", model);
        n.put("latency_ms", r.latencyMs());
        n.put("ttft_ms", r.ttftMs());
        n.put("tokens_per_s", r.tokensPerSecond());
        n.put("error", r.error());
        n.put("status", after.status().id());
        n.put("status_reason", after.statusReason());
        return n;
    }

    private static ObjectNode test(ChannelTest t) {
        if (t == null) {
            return null;
        }
        ObjectNode n = JsonNodes.object();
        n.put("tested_at", t.testedAt());
        n.put("ok", t.ok());
        n.put("latency_ms", t.latencyMs());
        n.put("ttft_ms", t.ttftMs());
        n.put("tokens_per_s", t.tokensPerSecond());
        n.put("error", t.error());
        return n;
    }
}
