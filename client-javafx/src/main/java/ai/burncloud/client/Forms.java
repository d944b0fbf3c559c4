package ai.burncloud.client;

import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A labelled input, the same on every page. */
final class Forms {
    private Forms() {}

    static VBox row(String label, Control input) {
        Label l = new Label(label);
        l.setLabelFor(input);
        l.getStyleClass().add("field-label");
        input.setMaxWidth(Double.MAX_VALUE);
        return new VBox(4, l, input);
    }
}
