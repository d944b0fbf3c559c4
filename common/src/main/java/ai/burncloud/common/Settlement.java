package ai.burncloud.common;

import java.util.Locale;

/**
 * How a request ended, recorded on its log row. Each state has one billing rule (docs/BILLING.md).
 */
public enum Settlement {
    /** The upstream finished and the client received everything: bill the reported usage. */
    COMPLETED,
    /** The client left mid-stream: bill the usage captured by draining the upstream (or an estimate). */
    CLIENT_GONE,
    /** The upstream failed after the first byte reached the client: bill what was delivered. */
    UPSTREAM_ERROR_MIDSTREAM,
    /** The upstream went silent past the read timeout after the first byte: bill what was delivered. */
    TIMEOUT,
    /**
     * The router stopped (crash, kill -9, or a shutdown past its grace period) while the request was in
     * flight: settled from the in-flight journal when a router next starts or notices, billed by the
     * usage known at its last journal point (prompt estimate + completion tokens counted so far).
     */
    INTERRUPTED,
    /** No upstream produced a usable answer (every attempt failed before the first byte): free. */
    UPSTREAM_FAILED,
    /** Refused by the gateway before any upstream call (auth, quota, validation, open circuits): free. */
    REJECTED,
    /** The gateway itself failed while handling the request (a bug of ours): free. */
    SERVER_ERROR;

    /** Lower-cased once: the id is read for every settled request. */
    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }
}
