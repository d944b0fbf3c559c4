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
 */
final class GatewayMetrics implements RequestListener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge channelUp;
    private final MultiGauge channelLatency;

    GatewayMetrics(AtomicReference<DataPlaneView> dataPlane) {
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
    }

    /** The meters of one model; found once, then reused for every request of that model. */
    private record ModelMeters(Counter prompt, Counter completion, Counter cost, Timer latency, Timer ttfb) {}

    private record RequestKey(String model, String channel, int status) {}

    // Building and registering a meter sorts tags and looks it up in the registry: done once per key,
    // not once per request (this runs on the data plane's event loops)
    private final ConcurrentHashMap<String, ModelMeters> byModel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();

    @Override
    public void onSettled(RequestLog r) {
        String model = r.model() == null ? "" : r.model();
        String channel = r.channelId() == null ? "" : String.valueOf(r.channelId());
        requests.computeIfAbsent(
                        new RequestKey(model, channel, r.status()),
                        k -> Counter.builder("burncloud_requests")
                                .description("Settled data-plane requests")
                                .tags("model", k.model(), "channel", k.channel(), "status", String.valueOf(k.status()))
                                .register(registry))
                .increment();
        ModelMeters m = byModel.computeIfAbsent(model, this::modelMeters);
        m.prompt().increment(r.promptTokens());
        m.completion().increment(r.completionTokens());
        m.cost().increment(r.cost() / 1e9);
        m.latency().record(Duration.ofMillis(Math.max(0, r.latencyMs())));
        if (r.ttfbMs() != null) {
            m.ttfb().record(Duration.ofMillis(Math.max(0, r.ttfbMs())));
        }
        if (r.status() >= 400 || r.errorCode() != null) {
            String code = r.errorCode() == null ? "http_" + r.status() : r.errorCode();
            errors.computeIfAbsent(
                            code,
                            c -> Counter.builder("burncloud_errors")
                                    .description("Requests that ended in an error, by error code")
                                    .tags("code", c)
                                    .register(registry))
                    .increment();
        }
    }

    private ModelMeters modelMeters(String model) {
        return new ModelMeters(
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

    /** Refreshes the channel gauges (blocking: give it the channels read on a worker) and scrapes. */
    String scrape(List<Channel> channels) {
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
