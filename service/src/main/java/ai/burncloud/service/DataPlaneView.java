package ai.burncloud.service;

import java.util.concurrent.CompletableFuture;

/** What the control plane may see of, and ask from, the running data plane. */
public interface DataPlaneView {
    /** Subscribes to every settled request (called on event loops: must not block). */
    void addListener(RequestListener listener);

    /**
     * Brings the data plane's routing snapshot (keys, quotas, balances, channels, prices) up to the
     * database now, and returns when requests are judged by it. Blocks: call it from a worker thread.
     * A data plane without a snapshot of its own has nothing to do.
     */
    default void syncConfiguration() {}

    /** Requests being served right now. */
    int inFlight();

    /**
     * Sends a small streamed chat request for {@code model} through the channel — its own translator,
     * URL and credentials, whatever its status — and measures latency, time to first token and tokens
     * per second. Never completes exceptionally: failures are results.
     */
    CompletableFuture<ChannelTestResult> testChannel(long channelId, String model);
}
