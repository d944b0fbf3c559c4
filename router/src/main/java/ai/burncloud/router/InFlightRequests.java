package ai.burncloud.router;

import ai.burncloud.database.JournalEntry;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.service.InFlightSource;
import ai.burncloud.service.TokenCounter;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The requests between admission and settlement, for the in-flight journal (docs/BILLING.md). A
 * request is added when it is admitted (its hold taken) and removed when the Settler settles it —
 * before its log row is queued, so a flush never journals a request whose row it also writes.
 *
 * <p>At every flush the state-sync thread asks each event loop that has requests here to sample
 * their progress (the prompt estimate, once, and the completion tokens counted so far) and waits for
 * the answers a bounded time; a loop that does not answer in time leaves its requests journaled with
 * their previous progress.
 */
final class InFlightRequests implements InFlightSource {
    private static final long SAMPLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final String instanceId;
    private final TokenCounter tokenCounter;
    private final Map<String, InFlightRequest> requests = new ConcurrentHashMap<>();

    InFlightRequests(String instanceId, TokenCounter tokenCounter) {
        this.instanceId = instanceId;
        this.tokenCounter = tokenCounter;
    }

    /** Event loop: {@code admission} is on its way upstream. Counting tokens is free and never journaled. */
    void admitted(
            Admission admission,
            String requestId,
            String endpoint,
            String clientIp,
            long startedAtMs,
            EventExecutor loop) {
        Operation op = admission.request().operation();
        if (op == Operation.COUNT_TOKENS || op == Operation.COUNT_TOKENS_GEMINI) {
            return;
        }
        requests.put(requestId, new InFlightRequest(admission, requestId, endpoint, clientIp, startedAtMs, loop));
    }

    /** Event loop: the request settles now. */
    void settled(String requestId) {
        InFlightRequest r = requests.remove(requestId);
        if (r != null) {
            r.settle();
        }
    }

    int size() {
        return requests.size();
    }

    @Override
    public List<JournalEntry> inFlight(long nowMs) {
        if (requests.isEmpty()) {
            return List.of();
        }
        sampleOnTheirLoops();
        List<JournalEntry> entries = new ArrayList<>(requests.size());
        for (InFlightRequest r : requests.values()) {
            entries.add(r.entry(instanceId, nowMs));
        }
        return entries;
    }

    private void sampleOnTheirLoops() {
        Map<EventExecutor, List<InFlightRequest>> byLoop = new HashMap<>();
        for (InFlightRequest r : requests.values()) {
            byLoop.computeIfAbsent(r.loop(), l -> new ArrayList<>()).add(r);
        }
        List<Future<?>> samples = new ArrayList<>(byLoop.size());
        byLoop.forEach((loop, list) -> {
            try {
                samples.add(loop.submit(() -> list.forEach(r -> r.sample(tokenCounter))));
            } catch (RejectedExecutionException stopped) {
                // the loop is shutting down: its requests keep their last progress
            }
        });
        long deadline = System.nanoTime() + SAMPLE_WAIT_NANOS;
        for (Future<?> f : samples) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !f.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                return;
            }
        }
    }
}
