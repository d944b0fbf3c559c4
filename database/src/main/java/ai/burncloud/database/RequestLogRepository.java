package ai.burncloud.database;

import java.util.function.Consumer;

/** The request log (written through {@link UsageRepository}). Newest first. */
public interface RequestLogRepository {
    Page<RequestLog> query(LogQuery query);

    /** Streams every matching row, newest first, without paging (for CSV export). */
    void forEach(LogQuery query, Consumer<RequestLog> sink);
}
