package ai.burncloud.tests;

import java.util.Map;

/**
 * Three routers, no Redis: they see each other through their heartbeats and admit through guarded
 * updates in PostgreSQL.
 */
class PostgresMultiRouterAdmissionTest extends MultiRouterAdmissionContract {
    @Override
    Map<String, String> sharingEnv() {
        return Map.of();
    }

    @Override
    void awaitSharing() throws Exception {
        // every router learns of the others at its next heartbeat (each second)
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (query("SELECT count(*) FROM router_instances WHERE beat_at_ms > ?", System.currentTimeMillis() - 3_000)
                    >= ROUTERS) {
                Thread.sleep(1_500); // each one's next beat counts all three
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the routers did not all beat");
    }
}
