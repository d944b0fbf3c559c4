package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.fluentui.FluentUiRegularAL;
import org.kordamp.ikonli.javafx.FontIcon;

/** A page's last outcome and last error, in words, and a thin bar while it works. */
final class Feedback {
    private Feedback() {}

    static Node of(PageState state) {
        Label message = new Label();
        message.setId("page-message");
        message.getStyleClass().add("page-message");
        message.setWrapText(true);
        message.textProperty().bind(state.message());
        visibleWhenText(message);
        Label error = new Label(null, new FontIcon(FluentUiRegularAL.ERROR_CIRCLE_20));
        error.setId("page-error");
        error.getStyleClass().addAll("page-error", Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(state.error());
        visibleWhenText(error);
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.getStyleClass().add(Styles.SMALL);
        progress.setMaxWidth(Double.MAX_VALUE);
        // stays in the layout while idle, so the page does not jump when work starts
        progress.visibleProperty().bind(state.busy());
        return new VBox(6, progress, message, error);
    }

    private static void visibleWhenText(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }
}
