package ai.burncloud.router;

import ai.burncloud.database.AdmissionRepository;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This router's heartbeat in the database (PostgreSQL), on the state thread: every beat says how
 * many routers are alive, which decides whether admission is local (one router) or shared through
 * the database; a router that went quiet for {@code staleAfter} is dead and a survivor gives back
 * the holds it left. Turning local again re-reads the balances, since the others spent meanwhile.
 */
final class RouterHeartbeat {
    private static final Logger log = LoggerFactory.getLogger(RouterHeartbeat.class);
    static final Duration PERIOD = Duration.ofSeconds(1);

    private final AdmissionRepository repository;
    private final String instanceId;
    private final long startedAtMs = System.currentTimeMillis();
    private final Duration staleAfter;
    private final DatabaseAdmission admission;
    private final Runnable reloadLedger;

    RouterHeartbeat(
            AdmissionRepository repository,
            String instanceId,
            Duration staleAfter,
            DatabaseAdmission admission,
            Runnable reloadLedger) {
        this.repository = repository;
        this.instanceId = instanceId;
        this.staleAfter = staleAfter;
        this.admission = admission;
        this.reloadLedger = reloadLedger;
    }

    /** Beats, and gives back the holds of routers that stopped. */
    void beat() {
        long now = System.currentTimeMillis();
        boolean wasShared = admission.active();
        int alive = repository.beat(instanceId, startedAtMs, now, now - staleAfter.toMillis());
        admission.aliveRouters(alive);
        if (wasShared && !admission.active()) {
            reloadLedger.run();
        }
        int released = repository.releaseDead(now - staleAfter.toMillis());
        if (released > 0) {
            log.warn("gave back {} quota holds of routers that stopped", released);
        }
    }

    /** Stopping cleanly: the others stop counting this router at once. */
    void leave() {
        try {
            repository.leave(instanceId);
        } catch (RuntimeException e) {
            log.warn("could not leave the router list: {}", e.getMessage());
        }
    }
}
