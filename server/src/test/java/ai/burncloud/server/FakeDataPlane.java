package ai.burncloud.server;

import ai.burncloud.database.RequestLog;
import ai.burncloud.service.ChannelTestResult;
import ai.burncloud.service.DataPlaneView;
import ai.burncloud.service.RequestListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A data plane stand-in: settles the rows a test gives it and answers speed tests as told. */
final class FakeDataPlane implements DataPlaneView {
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();
    volatile int inFlight;
    volatile BiFunction<Long, String, ChannelTestResult> tester =
            (id, model) -> new ChannelTestResult(true, 120, 40L, new java.math.BigDecimal("50.5"), null);
    final List<String> tested = new CopyOnWriteArrayList<>();

    @Override
    public void addListener(RequestListener listener) {
        listeners.add(listener);
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public CompletableFuture<ChannelTestResult> testChannel(long channelId, String model) {
        tested.add(channelId + ":" + model);
        return CompletableFuture.supplyAsync(() -> tester.apply(channelId, model));
    }

    void settle(RequestLog row) {
        listeners.forEach(l -> l.onSettled(row));
    }

    static RequestLog row(
            long userId,
            long tokenId,
            Long channelId,
            String model,
            int status,
            long prompt,
            long completion,
            long costNanos,
            long latencyMs,
            Long ttfbMs) {
        return new RequestLog(
                0,
                "req-" + System.nanoTime(),
                System.currentTimeMillis(),
                userId,
                tokenId,
                channelId,
                "/v1/chat/completions",
                model,
                model,
                prompt,
                completion,
                0,
                0,
                0,
                costNanos,
                latencyMs,
                ttfbMs,
                status,
                false,
                status < 400 ? "completed" : "upstream_failed",
                null,
                false,
                false,
                status < 400 ? null : "upstream_error",
                "127.0.0.1");
    }
}
