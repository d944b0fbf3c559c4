package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.fluentui.FluentUiRegularAL;
import org.kordamp.ikonli.javafx.FontIcon;

/** Tokens: the keys tools use; a new key is shown once, with Copy. */
final class TokensPage extends Page {
    private final Context ctx;
    private final TokensModel model;

    TokensPage(Context ctx) {
        super("tokens", FluentUiRegularAL.KEY_20);
        this.ctx = ctx;
        this.model = new TokensModel(ctx);
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    public void hidden() {
        model.dismissKey();
    }

    @Override
    Node build() {
        Texts t = ctx.texts();
        TableView<TokenRow> table = Tables.table("tokens-table", t.get("tokens.empty"));
        table.setItems(model.rows());
        table.getColumns()
                .addAll(
                        Tables.column(t.get("col.id"), TokenRow::id, 50),
                        Tables.column(t.get("col.name"), TokenRow::name, 140),
                        Tables.column(t.get("col.key"), TokenRow::keyPrefix, 110),
                        Tables.nodes(t.get("col.status"), this::status, 100),
                        Tables.column(t.get("col.quota"), TokenRow::quota, 90),
                        Tables.column(t.get("col.used"), TokenRow::used, 90),
                        Tables.column(t.get("col.expires"), TokenRow::expires, 150),
                        Tables.column(t.get("col.models"), TokenRow::models, 150),
                        Tables.nodes(t.get("col.actions"), this::actions, 90));
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(12, table, createPanel());
        VBox.setVgrow(body, Priority.ALWAYS);
        Button refresh = new Button(t.get("action.refresh"), new FontIcon(FluentUiRegularAL.ARROW_CLOCKWISE_20));
        refresh.setOnAction(e -> model.refresh());
        VBox page = new VBox(
                12,
                PageHeader.of(t.get("nav.tokens"), t.get("tokens.subtitle"), refresh),
                keyOnce(),
                Feedback.of(model.state()),
                body);
        page.getStyleClass().add("page");
        return page;
    }

    private Node createPanel() {
        Texts t = ctx.texts();
        Label title = new Label(t.get("tokens.new"));
        title.getStyleClass().add(Styles.TITLE_3);
        TextField name = new TextField();
        name.setId("token-name");
        TextField quota = new TextField();
        quota.setId("token-quota");
        quota.setPromptText(t.get("tokens.unlimited"));
        DatePicker expires = new DatePicker();
        expires.setId("token-expires");
        expires.setPromptText(t.get("tokens.never"));
        TextField models = new TextField();
        models.setId("token-models");
        models.setPromptText(t.get("tokens.allModels"));
        Button create = new Button(t.get("tokens.create"), new FontIcon(FluentUiRegularAL.ADD_20));
        create.setId("token-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty()
                .bind(name.textProperty().isEmpty().or(model.state().busy()));
        create.setOnAction(e -> {
            model.create(name.getText(), quota.getText(), expires.getValue(), models.getText());
            name.clear();
            quota.clear();
            expires.setValue(null);
            models.clear();
        });
        VBox panel = new VBox(
                10,
                title,
                Forms.row(t.get("tokens.field.name"), name),
                Forms.row(t.get("tokens.field.quota"), quota),
                Forms.row(t.get("tokens.field.expires"), expires),
                Forms.row(t.get("tokens.field.models"), models),
                create);
        panel.getStyleClass().addAll("card", "side-panel");
        panel.setPrefWidth(280);
        panel.setMinWidth(260);
        return panel;
    }

    /** The new key with Copy, shown until dismissed or the page is left. */
    private Node keyOnce() {
        Texts t = ctx.texts();
        Label warning = new Label(t.get("tokens.keyOnce"), new FontIcon(FluentUiRegularAL.KEY_20));
        warning.setWrapText(true);
        TextField key = new TextField();
        key.setId("token-key");
        key.setEditable(false);
        key.textProperty().bind(model.createdKey());
        HBox.setHgrow(key, Priority.ALWAYS);
        Button copy = new Button(t.get("tokens.copy"), new FontIcon(FluentUiRegularAL.COPY_20));
        copy.setId("token-copy");
        copy.getStyleClass().add(Styles.ACCENT);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(model.createdKey().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            copy.setText(t.get("tokens.copied"));
        });
        model.createdKey().addListener((obs, was, now) -> copy.setText(t.get("tokens.copy")));
        Button done = new Button(t.get("action.done"));
        done.setOnAction(e -> model.dismissKey());
        HBox row = new HBox(8, key, copy, done);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, warning, row);
        box.setId("token-key-box");
        box.getStyleClass().addAll("card", "key-once");
        box.visibleProperty().bind(model.createdKey().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node status(TokenRow row) {
        return Tables.badge(ctx.texts().get("status." + row.status()), row.enabled() ? Styles.SUCCESS : Styles.DANGER);
    }

    private Node actions(TokenRow row) {
        Texts t = ctx.texts();
        Button toggle = Tables.iconButton(
                "token-toggle-" + row.id(),
                row.enabled() ? FluentUiRegularAL.DISMISS_CIRCLE_20 : FluentUiRegularAL.CHECKMARK_CIRCLE_20,
                t.get(row.enabled() ? "tokens.disable" : "tokens.enable"));
        toggle.setOnAction(e -> model.setEnabled(row, !row.enabled()));
        Button delete =
                Tables.iconButton("token-delete-" + row.id(), FluentUiRegularAL.DELETE_20, t.get("action.delete"));
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> {
            Alert confirm = new Alert(
                    Alert.AlertType.CONFIRMATION,
                    t.format("tokens.confirmDelete", row.name()),
                    ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.delete(row));
        });
        return new HBox(2, toggle, delete);
    }
}
