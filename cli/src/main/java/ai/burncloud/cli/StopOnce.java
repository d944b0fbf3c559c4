package ai.burncloud.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one graceful stop of a router, however it is asked for (SIGTERM, the shutdown hook), even when
 * the request arrives while the gateway is still starting: it is then stopped as soon as it is up.
 */
final class StopOnce {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile BurnCloudApp app;

    void request() {
        requested.set(true);
        closeIfStarted();
    }

    void started(BurnCloudApp started) {
        app = started;
        if (requested.get()) {
            closeIfStarted();
        }
    }

    private void closeIfStarted() {
        BurnCloudApp a = app;
        if (a != null && closed.compareAndSet(false, true)) {
            a.close();
        }
    }
}
