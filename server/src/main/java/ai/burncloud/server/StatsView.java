package ai.burncloud.server;

import ai.burncloud.common.Money;
import ai.burncloud.service.JsonViews;
import ai.burncloud.service.LiveStats;
import ai.burncloud.service.StatsMetric;
import ai.burncloud.service.StatsTotals;
import ai.burncloud.service.TimeSeries;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Statistics as the API shows them: times in unix seconds, latencies in ms, cost in dollars. */
final class StatsView {
    private StatsView() {}

    static ObjectNode summary(long from, long to, StatsTotals t) {
        ObjectNode n = JsonViews.object();
        n.put("from", from);
        n.put("to", to);
        n.put("requests", t.requests());
        n.put("errors", t.errors());
        n.put("prompt_tokens", t.promptTokens());
        n.put("completion_tokens", t.completionTokens());
        n.put("tokens", t.tokens());
        JsonViews.money(n, "cost", t.cost());
        n.put("latency_avg_ms", t.latencyMeanMs());
        n.put("latency_p50_ms", t.latencyPercentile(50));
        n.put("latency_p95_ms", t.latencyPercentile(95));
        n.put("ttft_p50_ms", t.ttftPercentile(50));
        return n;
    }

    static ObjectNode series(TimeSeries ts) {
        ObjectNode n = JsonViews.object();
        n.put("metric", ts.metric().id());
        n.put("bucket", ts.bucket().id());
        n.put("from", ts.from());
        n.put("to", ts.to());
        n.put("group_by", ts.groupBy() == null ? null : ts.groupBy().id());
        ArrayNode series = n.putArray("series");
        for (TimeSeries.Series s : ts.series()) {
            ObjectNode o = series.addObject();
            o.put("group", s.group());
            ArrayNode points = o.putArray("points");
            for (TimeSeries.Point p : s.points()) {
                ObjectNode pt = points.addObject();
                pt.put("t", p.time());
                if (p.value() == null) {
                    pt.putNull("v");
                } else if (ts.metric() == StatsMetric.COST) {
                    pt.put("v", Money.toDollars(p.value()));
                } else {
                    pt.put("v", p.value());
                }
            }
        }
        return n;
    }

    static ObjectNode live(LiveStats l) {
        ObjectNode n = JsonViews.object();
        n.put("time", l.time());
        n.put("tps", l.tokensPerSecond());
        n.put("rps", l.requestsPerSecond());
        n.put("rpm", l.requestsPerMinute());
        n.put("in_flight", l.inFlight());
        return n;
    }
}
