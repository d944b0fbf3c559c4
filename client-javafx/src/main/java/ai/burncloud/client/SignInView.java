package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in card for a remote server: Server URL, Username, Password. */
final class SignInView {
    private final SignInModel model;
    private final Texts texts;

    SignInView(SignInModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    Parent view() {
        Label title = new Label(texts.get("signin.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(texts.get("signin.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);

        TextField server = new TextField();
        server.setId("signin-server");
        server.textProperty().bindBidirectional(model.server());
        TextField username = new TextField();
        username.setId("signin-username");
        username.textProperty().bindBidirectional(model.username());
        PasswordField password = new PasswordField();
        password.setId("signin-password");
        password.textProperty().bindBidirectional(model.password());

        Label error = new Label();
        error.setId("signin-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button submit = new Button(texts.get("signin.submit"));
        submit.setId("signin-submit");
        submit.setDefaultButton(true);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(model.canSubmit().not());
        submit.setOnAction(e -> model.submit());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.busy());
        progress.managedProperty().bind(progress.visibleProperty());

        VBox card = new VBox(
                10,
                title,
                subtitle,
                field(texts.get("signin.server"), server),
                field(texts.get("signin.username"), username),
                field(texts.get("signin.password"), password),
                error,
                submit,
                progress);
        card.getStyleClass().add("card");
        card.setMaxWidth(380);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        StackPane root = new StackPane(card);
        root.getStyleClass().add("signin");
        return root;
    }

    private static VBox field(String label, javafx.scene.control.Control input) {
        Label l = new Label(label);
        l.setLabelFor(input);
        l.getStyleClass().add("field-label");
        return new VBox(4, l, input);
    }
}
