package ai.burncloud.client;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started by {@link DesktopLauncher}, never as the jar's main class. */
public final class DesktopApp extends Application {
    static final String SERVER_PARAMETER = "server";

    @Override
    public void start(Stage stage) {
        String server = getParameters().getNamed().get(SERVER_PARAMETER);
        MainWindow.show(stage, server != null ? server : ServerAddress.resolve(System.getenv(), () -> 3000));
    }
}
