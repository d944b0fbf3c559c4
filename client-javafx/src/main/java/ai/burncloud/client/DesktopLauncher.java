package ai.burncloud.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the desktop client from a plain class and returns when its window is closed (and an
 * in-process gateway has stopped). It starts the FX toolkit directly instead of through an {@code
 * Application} subclass: a fat jar whose main class extended {@code Application} would fail with
 * "JavaFX runtime components are missing", and no static field is needed to hand over the options.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {}

    public static void launch(LaunchOptions options) throws InterruptedException {
        // asked once, before the window: the desktop's tools may take a moment to answer
        boolean systemDark = SystemTheme.prefersDark(options.env());
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                new DesktopClient(new Stage(), options, systemDark, closed::countDown).open();
            } catch (RuntimeException e) {
                failed.set(e);
                closed.countDown();
            }
        });
        closed.await();
        Platform.exit();
        if (failed.get() != null) {
            throw failed.get();
        }
    }
}
