package ai.burncloud.common;

/**
 * Every configuration variable that exists, with its default and a one-line description.
 * {@code .env.example} documents exactly these (a test keeps the two in step).
 */
public enum Setting {
    PORT("3000", "TCP port for the data plane and the control plane"),
    HOST("0.0.0.0", "Address to listen on"),
    DATABASE_URL("sqlite:burncloud.db", "sqlite:FILE, sqlite:/abs/path.db, postgres://user:pass@host:5432/db"),
    LOG_LEVEL("info", "trace, debug, info, warn or error (RUST_LOG is accepted as an alias)"),
    LOG_FILE("", "Also write the log to this file, rolled daily and at 50 MiB, 14 files kept (empty = stderr only)"),
    ACCESS_LOG(
            "false",
            "true: one JSON line per request (time, ids, model, channel, status, tokens, cost; never a secret)"),
    ACCESS_LOG_FILE("", "Where the access log goes, rolled like LOG_FILE (empty = stdout)"),
    MAX_REQUEST_BODY_MB("32", "Largest request body accepted, in MiB; larger bodies get 413"),
    RETRY_TIMES("2", "How many other channels a failed request may be retried on"),
    BILLING_ALLOW_UNPRICED("false", "true: serve models with no price at cost 0 (logged as price_missing)"),
    BURNCLOUD_ROOT_PASSWORD("", "Password for the root user created on first start (random if empty)"),
    BURNCLOUD_SECRET_KEY(
            "", "Key (32 bytes, base64: openssl rand -base64 32) encrypting upstream keys at rest (empty = key file)"),
    SECRET_KEY_FILE(
            "",
            "Key file used when BURNCLOUD_SECRET_KEY is empty, generated on first use (empty = beside the SQLite"
                    + " file, or ./burncloud.key for PostgreSQL)"),
    AUDIT_RETENTION_DAYS("365", "Audit log entries older than this many days are deleted (0 = keep forever)"),
    METRICS_TOKEN("", "If set, GET /metrics requires Authorization: Bearer METRICS_TOKEN"),
    METRICS_MAX_SERIES("20000", "Most Prometheus series /metrics may hold; new label values beyond it count as other"),
    UPSTREAM_CONNECT_TIMEOUT_MS("10000", "Connect timeout towards upstream providers"),
    UPSTREAM_READ_TIMEOUT_MS("300000", "Longest silence allowed from an upstream (first byte and between chunks)"),
    CLIENT_IDLE_TIMEOUT_S("120", "Idle keep-alive client connections are closed after this many seconds"),
    HEADER_TIMEOUT_MS("30000", "A client must send a complete request within this time"),
    CLIENT_FIRST_BYTE_TIMEOUT_S("10", "A new client connection that sends nothing for this many seconds is closed"),
    MAX_CONNECTIONS("10000", "Most client connections the listener holds at once; more are closed at once"),
    LOCAL_COUNT_BUDGET_MS("2000", "Time budget for counting a prompt locally when an upstream reports no usage"),
    CLIENT_GONE_DRAIN_SECONDS("30", "After a client leaves mid-stream, keep reading upstream this long for usage"),
    CLIENT_GONE_DRAIN_MAX_MB("8", "...and at most this many MiB"),
    LOG_FLUSH_INTERVAL_MS("500", "Request logs and quota settlements are written in batches this often"),
    CIRCUIT_FAILURES("5", "Consecutive failures that open a channel's circuit breaker"),
    CIRCUIT_COOLDOWN_S("30", "Seconds a circuit stays open before a half-open probe"),
    SHUTDOWN_GRACE_S("30", "On SIGTERM, in-flight requests get this long to finish"),
    ADMISSION_FAIL_OPEN(
            "false",
            "true: while the database cannot admit for several routers, keys with limits are admitted by each"
                    + " router's own limits instead of 503"),
    SNAPSHOT_REFRESH_MS("250", "How often the router polls the database for configuration changes"),
    IO_THREADS("0", "Netty event-loop threads (0 = one per core)"),
    TRUSTED_PROXIES(
            "",
            "Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For/-Proto are believed"),
    BURNCLOUD_SERVER("", "Desktop client only: the server it connects to (empty = http://localhost:PORT)");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
