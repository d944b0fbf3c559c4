package ai.burncloud.client;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** What the window shows while it connects or starts the gateway. */
final class Splash {
    private final String message;

    Splash(String message) {
        this.message = message;
    }

    Parent view() {
        Label brand = new Label("BurnCloud");
        brand.getStyleClass().add("title-1");
        Label text = new Label(message);
        text.setId("splash-message");
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(32, 32);
        VBox box = new VBox(16, brand, progress, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("splash");
        return box;
    }
}
