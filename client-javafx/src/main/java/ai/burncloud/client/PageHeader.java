package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A page's title, one line saying what it is for, and its commands on the right. */
final class PageHeader {
    private PageHeader() {}

    static Node of(String title, String subtitle, Node... commands) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_2);
        Label s = new Label(subtitle);
        s.getStyleClass().add(Styles.TEXT_MUTED);
        VBox words = new VBox(2, t, s);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, words, spacer);
        header.getChildren().addAll(commands);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }
}
