package ai.burncloud.client;

import javafx.application.Application;

/**
 * Starts the desktop client from a plain class: a fat jar whose main class extended
 * {@code Application} would fail with "JavaFX runtime components are missing".
 */
public final class DesktopLauncher {
    private DesktopLauncher() {}

    /** Opens the window and returns when it is closed. */
    public static void launch(String server) {
        Application.launch(DesktopApp.class, "--" + DesktopApp.SERVER_PARAMETER + "=" + server);
    }
}
