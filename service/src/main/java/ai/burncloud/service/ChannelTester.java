package ai.burncloud.service;

import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.ChannelTest;
import ai.burncloud.database.Repositories;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel speed tests, on demand and on the schedule set by the {@code channel_test_interval_s}
 * option (0 = off, the default). Each test is a small real chat request through the data plane.
 * With {@code auto_disable_enabled}, a failing channel or one slower than
 * {@code auto_disable_max_latency_ms} is auto-disabled with the reason, and an auto-disabled one
 * that passes is enabled again; a channel an administrator disabled is never touched.
 */
public final class ChannelTester implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChannelTester.class);
    private static final long POLL_SECONDS = 5;

    private final Repositories repos;
    private final OptionAdmin options;
    private final Clock clock;
    private final AtomicReference<DataPlaneView> dataPlane = new AtomicReference<>();
    private final ScheduledExecutorService thread;
    private long lastRound;

    public ChannelTester(Repositories repos, OptionAdmin options, Clock clock) {
        this.repos = repos;
        this.options = options;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "burncloud-channel-tests");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects the data plane and starts the schedule. */
    public void attach(DataPlaneView view) {
        if (dataPlane.compareAndSet(null, view)) {
            lastRound = clock.millis() / 1000;
            thread.scheduleWithFixedDelay(this::runDue, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Tests one channel with {@code model} (null = its first model). Blocking until the channel is
     * read; the test itself completes the returned future (never exceptionally for upstream failures).
     *
     * @throws ServiceException NOT_FOUND for an unknown channel; INVALID for a model the channel
     *     does not serve; UNAVAILABLE before the data plane runs
     */
    public CompletableFuture<ChannelTestOutcome> test(long channelId, String model) {
        DataPlaneView view = dataPlane.get();
        if (view == null) {
            throw ServiceException.unavailable("the data plane is not running yet");
        }
        Channel channel = repos.channels()
                .findById(channelId)
                .orElseThrow(() -> ServiceException.notFound("no channel with id " + channelId));
        String m;
        if (model == null || model.isBlank()) {
            m = channel.models().get(0);
        } else {
            m = Inputs.identifier("model", model);
            if (!channel.models().contains(m)) {
                throw ServiceException.invalid("channel " + channelId + " does not serve model '" + m + "'");
            }
        }
        return view.testChannel(channelId, m)
                .thenApplyAsync(
                        r -> {
                            ChannelTestResult clean = scrub(channel, r);
                            return new ChannelTestOutcome(m, clean, settle(channel, clean));
                        },
                        thread);
    }

    /** Records the result and applies the auto-disable policy; returns the channel afterwards. */
    Channel settle(Channel channel, ChannelTestResult raw) {
        ChannelTestResult r = scrub(channel, raw);
        repos.channels()
                .recordTest(
                        channel.id(),
                        new ChannelTest(
                                clock.millis() / 1000,
                                r.ok(),
                                r.latencyMs(),
                                r.ttftMs(),
                                r.tokensPerSecond(),
                                r.error()));
        ConsoleOptions o = options.current();
        Channel now = repos.channels().findById(channel.id()).orElse(channel);
        if (!o.autoDisable() || now.status() == ChannelStatus.DISABLED) {
            return now;
        }
        String failure = failure(r, o.maxLatencyMs());
        if (failure != null && now.status() == ChannelStatus.ENABLED) {
            log.warn("channel {} ({}) auto-disabled: {}", now.id(), now.name(), failure);
            return repos.channels()
                    .setStatus(now.id(), ChannelStatus.AUTO_DISABLED, failure)
                    .orElse(now);
        }
        if (failure == null && now.status() == ChannelStatus.AUTO_DISABLED) {
            log.info("channel {} ({}) passed its speed test and is enabled again", now.id(), now.name());
            return repos.channels()
                    .setStatus(now.id(), ChannelStatus.ENABLED, null)
                    .orElse(now);
        }
        return now;
    }

    private static String failure(ChannelTestResult r, long maxLatencyMs) {
        if (!r.ok()) {
            String why = r.error() == null ? "unknown error" : r.error();
            return "speed test failed: " + (why.length() > 300 ? why.substring(0, 300) : why);
        }
        if (maxLatencyMs > 0 && r.latencyMs() > maxLatencyMs) {
            return "speed test too slow: " + r.latencyMs() + " ms > " + maxLatencyMs + " ms";
        }
        return null;
    }

    /** An upstream error may quote the credential: never store or show it. */
    private static ChannelTestResult scrub(Channel channel, ChannelTestResult r) {
        String key = channel.apiKey();
        if (r.error() == null || key == null || key.length() < 4 || !r.error().contains(key)) {
            return r;
        }
        return new ChannelTestResult(
                r.ok(),
                r.latencyMs(),
                r.ttftMs(),
                r.tokensPerSecond(),
                r.error().replace(key, KeyHint.of(key)));
    }

    /** One scheduled round: tests every channel not disabled by hand, when the interval has passed. */
    synchronized void runDue() {
        try {
            long interval = options.current().channelTestIntervalSeconds();
            long now = clock.millis() / 1000;
            if (interval <= 0 || now - lastRound < interval) {
                return;
            }
            lastRound = now;
            for (Channel c : repos.channels().all()) {
                if (c.status() != ChannelStatus.DISABLED) {
                    DataPlaneView view = dataPlane.get();
                    ChannelTestResult r =
                            view.testChannel(c.id(), c.models().get(0)).get(10, TimeUnit.MINUTES);
                    settle(c, r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("scheduled channel tests failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
