package ai.burncloud.router;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.Repositories;
import java.time.Duration;

/**
 * Chooses how this router shares admission with others (docs/SCALING.md) and owns what that takes:
 * nothing on SQLite (one router per file); on PostgreSQL, heartbeats and — while more than one
 * router is alive — holds taken in the database.
 */
final class AdmissionSharing implements AutoCloseable {
    private final SharedAdmission admission;
    private final RouterHeartbeat heartbeat;
    private final AutoCloseable resources;

    private AdmissionSharing(SharedAdmission admission, RouterHeartbeat heartbeat, AutoCloseable resources) {
        this.admission = admission;
        this.heartbeat = heartbeat;
        this.resources = resources;
    }

    static AdmissionSharing create(
            BurnCloudConfig config, Repositories repos, String instanceId, Duration staleAfter, StateSync sync) {
        if (repos.database().kind() == DatabaseUrl.Kind.SQLITE) {
            return new AdmissionSharing(SharedAdmission.NONE, null, () -> {});
        }
        DatabaseAdmission db = new DatabaseAdmission(repos.admission(), instanceId);
        RouterHeartbeat heartbeat = new RouterHeartbeat(repos.admission(), instanceId, staleAfter, db, sync::reloadNow);
        return new AdmissionSharing(db, heartbeat, db);
    }

    SharedAdmission admission() {
        return admission;
    }

    /** Beats once now (so the first request already knows whether others are alive), then every second. */
    void start(StateSync sync) {
        if (heartbeat != null) {
            sync.every(RouterHeartbeat.PERIOD, heartbeat::beat, "heartbeat");
        }
    }

    /** After the last flush: the other routers stop counting this one, and the pool stops. */
    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.leave();
        }
        try {
            resources.close();
        } catch (Exception e) {
            // nothing left to give back: the last flush released this router's holds
        }
    }
}
