package ai.burncloud.database;

/** Filters of an audit listing; null means any. Times are epoch milliseconds, {@code until} exclusive. */
public record AuditQuery(String actor, String entity, String entityId, String action, Long since, Long until) {
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
