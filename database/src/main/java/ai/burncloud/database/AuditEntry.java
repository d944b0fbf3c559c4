package ai.burncloud.database;

/**
 * One recorded admin change: who ({@code alice} or {@code cli@host}), through what ({@code api} or
 * {@code cli}), when (epoch milliseconds), what (entity, its id, the action) and the entity as JSON
 * before and after it (null when there was none), secrets already masked.
 */
public record AuditEntry(
        long id,
        long atMs,
        String actor,
        String source,
        String entity,
        String entityId,
        String action,
        String before,
        String after) {}
