package ai.burncloud.database;

/** The append-only audit log. */
public interface AuditRepository {
    AuditEntry append(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> list(AuditQuery query, int page, int size);

    /** Deletes entries older than {@code cutoffMs}; returns how many. */
    int deleteOlderThan(long cutoffMs);
}
