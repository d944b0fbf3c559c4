package ai.burncloud.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM as a request to stop, not a crash: the JVM's own handling exits with status 143, which
 * systemd and container supervisors count as a failure. With this handler the gateway stops
 * gracefully (in-flight requests get SHUTDOWN_GRACE_S, settlements are flushed) and the process
 * exits 0. Ctrl-C (SIGINT) keeps the JVM's handling: the same graceful stop through the shutdown
 * hook, then status 130.
 */
final class TermSignal {
    private static final Logger log = LoggerFactory.getLogger(TermSignal.class);

    private TermSignal() {}

    /** Runs {@code stop} (on the JVM's signal thread) when the process receives SIGTERM. */
    static void onTerm(Runnable stop) {
        try {
            Signal.handle(new Signal("TERM"), s -> {
                log.info("SIGTERM: stopping gracefully");
                stop.run();
            });
        } catch (IllegalArgumentException unsupported) {
            // a platform without SIGTERM: the shutdown hook still stops the gateway
            log.debug("SIGTERM cannot be handled here: {}", unsupported.getMessage());
        }
    }
}
