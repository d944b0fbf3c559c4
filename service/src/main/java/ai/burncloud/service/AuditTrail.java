package ai.burncloud.service;

import ai.burncloud.common.Json;
import ai.burncloud.database.AuditEntry;
import ai.burncloud.database.Repositories;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records admin changes, from the API and the CLI alike, with secrets masked, and deletes entries
 * past the retention. An entry is written right after the change commits: a crash in between can lose
 * the entry of that one change, never record a change that did not happen.
 */
public final class AuditTrail {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final Repositories repos;
    private final AuditSnapshots snapshots;
    private final Clock clock;
    /** When prune last ran: it runs at most hourly, however often maintenance asks. */
    private volatile long prunedAtMs;

    public AuditTrail(Repositories repos, Clock clock) {
        this.repos = repos;
        this.snapshots = new AuditSnapshots(repos);
        this.clock = clock;
    }

    /** The actor name of this machine's CLI: {@code cli@HOSTNAME}. */
    public static String cliActor() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return "cli@" + host;
    }

    public AuditSnapshots snapshots() {
        return snapshots;
    }

    public AuditEntry record(
            String actor, String source, String entity, String id, String action, JsonNode before, JsonNode after) {
        return repos.audit()
                .append(new AuditEntry(
                        0,
                        clock.millis(),
                        actor,
                        source,
                        entity,
                        id,
                        action,
                        text(SecretMask.mask(before)),
                        text(SecretMask.mask(after))));
    }

    /** Deletes entries older than {@code retentionDays} (0 keeps everything); returns how many. */
    public int prune(int retentionDays) {
        long now = clock.millis();
        if (retentionDays <= 0 || now - prunedAtMs < Duration.ofHours(1).toMillis()) {
            return 0;
        }
        prunedAtMs = now;
        int deleted = repos.audit()
                .deleteOlderThan(now - Duration.ofDays(retentionDays).toMillis());
        if (deleted > 0) {
            log.info("deleted {} audit entries older than {} days", deleted, retentionDays);
        }
        return deleted;
    }

    private static String text(JsonNode node) {
        return node == null ? null : Json.write(node);
    }
}
