package ai.burncloud.client;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * PLACEHOLDER desktop window (a later issue builds the real client): the product name and the
 * server it would connect to.
 */
public final class MainWindow {
    public static final String TITLE = "BurnCloud";
    /** CSS id of the label naming the server. */
    public static final String SERVER_LABEL_ID = "server";

    private MainWindow() {}

    public static void show(Stage stage, String server) {
        Label heading = new Label(TITLE);
        heading.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        Label serverLabel = new Label(serverText(server));
        serverLabel.setId(SERVER_LABEL_ID);
        VBox root = new VBox(12, heading, serverLabel);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(24));
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, 480, 200));
        stage.show();
    }

    public static String serverText(String server) {
        return "Server: " + server;
    }
}
