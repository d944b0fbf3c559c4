package ai.burncloud.server;

import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.RequestLog;
import ai.burncloud.service.DataPlaneView;
import ai.burncloud.service.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus metrics (Micrometer) fed by every settled request: requests, tokens, cost, latency and
 * time-to-first-byte histograms, errors by code, in-flight requests, and per-channel health read
 * from the database at scrape time. Recording is lock-free and safe on event loops.
 *
 * <p>Label policy (docs/SECURITY.md): a label value never comes from client input as such. The model
 * label names a model only when the request was routed to a channel (so the model is configured);
 * anything else — unknown names, rejected requests — is {@code other}. Channels are configured ids,
 * statuses three digits; a hard cap on series ({@link SeriesBudget}) folds whatever is left into
 * {@code other}.
 */
final class GatewayMetrics implements RequestListener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge channelUp;
    private final MultiGauge channelLatency;

    static final String OTHER = "other";

    private final SeriesBudget budget;

    GatewayMetrics(AtomicReference<DataPlaneView> dataPlane, int maxSeries) {
        this.budget = new SeriesBudget(maxSeries);
        Gauge.builder(
                        "burncloud_in_flight_requests",
                        dataPlane,
                        d -> d.get() == null ? 0 : d.get().inFlight())
                .description("Data-plane requests being served now")
                .register(registry);
        channelUp = MultiGauge.builder("burncloud_channel_up")
                .description("1 when the channel is enabled, 0 when disabled or auto-disabled")
                .register(registry);
        channelLatency = MultiGauge.builder("burncloud_channel_test_latency_ms")
                .description("Latency of the channel's last speed test")
                .register(registry);
        // what one model costs in series (the histograms' buckets dominate), measured rather than guessed
        long before = seriesNow();
        byModel.put(OTHER, modelMeters(OTHER));
        seriesPerModel = seriesNow() - before;
        budget.force(before + seriesPerModel);
    }

    private final long seriesPerModel;

    private long seriesNow() {
        return registry.scrape().lines().filter(l -> !l.startsWith("#")).count();
    }

    /** The meters of one model; found once, then reused for every request of that model. */
    private record ModelMeters(
            String label, Counter prompt, Counter completion, Counter cost, Timer latency, Timer ttfb) {}

    private record RequestKey(String model, String channel, int status) {}

    // Building and registering a meter sorts tags and looks it up in the registry: done once per key,
    // not once per request (this runs on the data plane's event loops)
    private final ConcurrentHashMap<String, ModelMeters> byModel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();

    @Override
    public void onSettled(RequestLog r) {
        // routed to a channel means the model is configured: only then may its name become a label
        boolean routed = r.channelId() != null && r.model() != null;
        String model = routed ? r.model() : OTHER;
        String channel = routed ? String.valueOf(r.channelId()) : OTHER;
        ModelMeters m = byModel.get(model);
        if (m == null) {
            m = modelMetersOrOther(model);
        }
        // a model folded into other is other on every family
        requestCounter(new RequestKey(m.label(), m.label().equals(OTHER) ? OTHER : channel, r.status()))
                .increment();
        m.prompt().increment(r.promptTokens());
        m.completion().increment(r.completionTokens());
        m.cost().increment(r.cost() / 1e9);
        m.latency().record(Duration.ofMillis(Math.max(0, r.latencyMs())));
        if (r.ttfbMs() != null) {
            m.ttfb().record(Duration.ofMillis(Math.max(0, r.ttfbMs())));
        }
        if (r.status() >= 400 || r.errorCode() != null) {
            String code = r.errorCode() == null ? "http_" + r.status() : r.errorCode();
            Counter c = errors.get(code);
            if (c == null) {
                c = errors.computeIfAbsent(budget.take(1) ? code : OTHER, this::errorCounter);
            }
            c.increment();
        }
    }

    private Counter requestCounter(RequestKey key) {
        Counter c = requests.get(key);
        if (c != null) {
            return c;
        }
        RequestKey k = budget.take(1) ? key : new RequestKey(OTHER, OTHER, key.status());
        return requests.computeIfAbsent(
                k,
                x -> Counter.builder("burncloud_requests")
                        .description("Settled data-plane requests")
                        .tags("model", x.model(), "channel", x.channel(), "status", String.valueOf(x.status()))
                        .register(registry));
    }

    private Counter errorCounter(String code) {
        return Counter.builder("burncloud_errors")
                .description("Requests that ended in an error, by error code")
                .tags("code", code)
                .register(registry);
    }

    /** A model's meters if the series budget allows them, else the shared {@code other} meters. */
    private ModelMeters modelMetersOrOther(String model) {
        if (!model.equals(OTHER) && budget.take(seriesPerModel)) {
            return byModel.computeIfAbsent(model, this::modelMeters);
        }
        return byModel.computeIfAbsent(OTHER, this::modelMeters);
    }

    private ModelMeters modelMeters(String model) {
        return new ModelMeters(
                model,
                Counter.builder("burncloud_tokens")
                        .description("Tokens billed")
                        .tags("model", model, "type", "prompt")
                        .register(registry),
                Counter.builder("burncloud_tokens")
                        .description("Tokens billed")
                        .tags("model", model, "type", "completion")
                        .register(registry),
                Counter.builder("burncloud_cost_dollars")
                        .description("Cost charged, in dollars")
                        .tags("model", model)
                        .register(registry),
                Timer.builder("burncloud_request_latency")
                        .description("Time from request to the end of the answer")
                        .tags("model", model)
                        .publishPercentileHistogram()
                        .register(registry),
                Timer.builder("burncloud_request_ttfb")
                        .description("Time from request to the first byte of the answer")
                        .tags("model", model)
                        .publishPercentileHistogram()
                        .register(registry));
    }

    /**
     * Refreshes the channel gauges (blocking: give it the channels read on a worker) and scrapes. One
     * at a time: re-registering the gauges while another scrape collects them made that scrape see a
     * series twice (a 500) or not at all.
     */
    synchronized String scrape(List<Channel> channels) {
        channelUp.register(
                channels.stream()
                        .map(c -> MultiGauge.Row.of(
                                Tags.of("channel", String.valueOf(c.id()), "name", c.name()),
                                c.status() == ChannelStatus.ENABLED ? 1 : 0))
                        .toList(),
                true);
        channelLatency.register(
                channels.stream()
                        .filter(c -> c.lastTest() != null && c.lastTest().latencyMs() != null)
                        .map(c -> MultiGauge.Row.of(
                                Tags.of("channel", String.valueOf(c.id()), "name", c.name()),
                                c.lastTest().latencyMs()))
                        .toList(),
                true);
        return registry.scrape();
    }
}
