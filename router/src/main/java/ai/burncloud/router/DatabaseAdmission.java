package ai.burncloud.router;

import ai.burncloud.database.AdmissionRepository;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared admission through PostgreSQL, used while more than one router is alive: each hold is one call of {@code admission_hold(...)} in its own transaction, on a small
 * pool of threads off the event loops. A full queue or a database error refuses the request as
 * unavailable (fail closed). The holds are given back by the flush that logs their requests.
 */
final class DatabaseAdmission implements SharedAdmission, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseAdmission.class);
    private static final int THREADS = 4;
    private static final int QUEUE = 1024;

    private final AdmissionRepository repository;
    private final String instanceId;
    private final ThreadPoolExecutor pool;
    private volatile int aliveRouters = 1;
    private final AtomicInteger failuresLogged = new AtomicInteger();

    DatabaseAdmission(AdmissionRepository repository, String instanceId) {
        this.repository = repository;
        this.instanceId = instanceId;
        AtomicInteger n = new AtomicInteger();
        this.pool =
                new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "burncloud-admission-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The heartbeat saw {@code count} routers alive (this one included). */
    void aliveRouters(int count) {
        int before = aliveRouters;
        aliveRouters = count;
        if ((before > 1) != (count > 1)) {
            log.info(
                    "{} routers alive: admission {}",
                    count,
                    count > 1 ? "now goes through the database" : "is local again");
        }
    }

    @Override
    public boolean active() {
        return aliveRouters > 1;
    }

    @Override
    public CompletableFuture<Granted> hold(Hold h) {
        try {
            return CompletableFuture.supplyAsync(() -> take(h), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Granted.refused(Verdict.UNAVAILABLE, 1));
        }
    }

    private Granted take(Hold h) {
        long now = System.currentTimeMillis();
        AdmissionRepository.Verdict v;
        try {
            v = repository.hold(
                    instanceId,
                    h.requestId(),
                    h.tokenId(),
                    h.userId(),
                    h.amount(),
                    h.rpm(),
                    h.tpm(),
                    h.tokens(),
                    now * 1_000_000L);
        } catch (RuntimeException e) {
            if (failuresLogged.getAndIncrement() % 1000 == 0) {
                log.error("shared admission through the database failed: {}", e.getMessage());
            }
            return Granted.refused(Verdict.UNAVAILABLE, 1);
        }
        return switch (v) {
            case ADMITTED -> new Granted(Verdict.ADMITTED, new Ticket(h.requestId()), 0);
            case REQUESTS_PER_MINUTE -> Granted.refused(Verdict.REQUESTS_PER_MINUTE, RetryAfter.rpm(h.rpm()));
            case TOKENS_PER_MINUTE -> Granted.refused(Verdict.TOKENS_PER_MINUTE, RetryAfter.nextMinute(now));
            case TOKEN_QUOTA -> Granted.refused(Verdict.TOKEN_QUOTA, 0);
            case USER_BALANCE -> Granted.refused(Verdict.USER_BALANCE, 0);
        };
    }

    /** The flush that logs the request gives its hold back; only a request never logged needs a call. */
    private final class Ticket implements AdmissionTicket {
        private final String requestId;

        Ticket(String requestId) {
            this.requestId = requestId;
        }

        @Override
        public void settled(long cost, long tokensUsed) {}

        @Override
        public void abandoned() {
            try {
                pool.execute(() -> {
                    try {
                        repository.release(requestId);
                    } catch (RuntimeException e) {
                        log.warn("could not give back the hold of {}: {}", requestId, e.getMessage());
                    }
                });
            } catch (RejectedExecutionException e) {
                log.warn("could not give back the hold of {}: queue full", requestId);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
