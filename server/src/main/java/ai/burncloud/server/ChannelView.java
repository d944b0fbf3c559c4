package ai.burncloud.server;

import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import ai.burncloud.service.ChannelTestResult;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A channel as the API shows it (the CLI's fields): the upstream key only as a hint. */
final class ChannelView {
    private ChannelView() {}

    static ObjectNode json(Channel c) {
        return JsonViews.channel(c);
    }

    static ObjectNode json(Channel c, List<Ability> abilities) {
        return JsonViews.channel(c, abilities);
    }

    /** The answer of {@code POST /api/channels/{id}/test}. */
    static ObjectNode testResult(String model, ChannelTestResult r, Channel after) {
        ObjectNode n = JsonViews.object();
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
}
