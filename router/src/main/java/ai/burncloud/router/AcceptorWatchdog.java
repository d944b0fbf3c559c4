package ai.burncloud.router;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the listening socket accepting. When accepting throws (too many open files, an
 * OutOfMemoryError), Netty's acceptor stops reading for a second and schedules its own resume; if
 * that scheduling fails too — an OutOfMemoryError inside {@code exceptionCaught} did exactly this —
 * the listener stays deaf while the process lives on. Every second this looks, and a listener found
 * not reading twice in a row is told to read again. (The launcher also runs the JVM with
 * -XX:+ExitOnOutOfMemoryError, so a heap that is really gone ends the process for a supervisor.)
 */
final class AcceptorWatchdog {
    private static final Logger log = LoggerFactory.getLogger(AcceptorWatchdog.class);
    static final long PERIOD_MS = 1000;

    private final Channel listener;
    private boolean stalledLastTime;

    private AcceptorWatchdog(Channel listener) {
        this.listener = listener;
    }

    /** Starts watching on the listener's own event loop; stops when the listener closes. */
    static void watch(Channel listener) {
        AcceptorWatchdog w = new AcceptorWatchdog(listener);
        ScheduledFuture<?> task =
                listener.eventLoop().scheduleWithFixedDelay(w::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        listener.closeFuture().addListener(f -> task.cancel(false));
    }

    private void check() {
        try {
            if (!listener.isOpen() || listener.config().isAutoRead()) {
                stalledLastTime = false;
                return;
            }
            if (stalledLastTime) {
                log.warn("the listener {} had stopped accepting connections; resuming", listener.localAddress());
                listener.config().setAutoRead(true);
                stalledLastTime = false;
            } else {
                stalledLastTime = true; // Netty's own one-second pause after an accept error: give it its chance
            }
        } catch (Throwable t) {
            // the watchdog must outlive whatever made the acceptor fail; it looks again next second
            stalledLastTime = true;
        }
    }
}
