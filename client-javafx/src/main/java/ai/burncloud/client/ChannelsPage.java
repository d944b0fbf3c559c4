package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.fluentui.FluentUiRegularAL;
import org.kordamp.ikonli.javafx.FontIcon;

/** Channels: status and last test per row, enable/disable, speed test, add and edit. */
final class ChannelsPage extends Page {
    private final Context ctx;
    private final ChannelsModel model;
    private ChannelForm form;
    private HBox body;

    ChannelsPage(Context ctx) {
        super("channels", FluentUiRegularAL.CLOUD_20);
        this.ctx = ctx;
        this.model = new ChannelsModel(ctx);
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    Node build() {
        Texts t = ctx.texts();
        Button add = new Button(t.get("channels.add"), new FontIcon(FluentUiRegularAL.ADD_20));
        add.setId("channels-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> {
            form.startNew();
            showForm(true);
        });
        Button refresh = new Button(t.get("action.refresh"), new FontIcon(FluentUiRegularAL.ARROW_CLOCKWISE_20));
        refresh.setOnAction(e -> model.refresh());

        TableView<ChannelRow> table = Tables.table("channels-table", t.get("channels.empty"));
        table.setItems(model.rows());
        table.getColumns()
                .addAll(
                        Tables.column(t.get("col.id"), ChannelRow::id, 50),
                        Tables.column(t.get("col.name"), ChannelRow::name, 150),
                        Tables.column(t.get("col.type"), ChannelRow::type, 90),
                        Tables.nodes(t.get("col.status"), this::status, 120),
                        Tables.column(t.get("col.models"), ChannelRow::models, 200),
                        Tables.column(t.get("col.priority"), ChannelRow::priority, 70),
                        Tables.column(t.get("col.lastTest"), ChannelRow::lastTest, 220),
                        Tables.nodes(t.get("col.actions"), this::actions, 170));
        form = new ChannelForm(t, (id, b) -> model.save(id, b, () -> showForm(false)), () -> showForm(false));
        HBox.setHgrow(table, Priority.ALWAYS);
        body = new HBox(12, table);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox page = new VBox(
                12,
                PageHeader.of(t.get("nav.channels"), t.get("channels.subtitle"), refresh, add),
                Feedback.of(model.state()),
                body);
        page.getStyleClass().add("page");
        return page;
    }

    private void showForm(boolean show) {
        if (show && !body.getChildren().contains(form.view())) {
            body.getChildren().add(form.view());
        } else if (!show) {
            body.getChildren().remove(form.view());
        }
    }

    private Node status(ChannelRow row) {
        String style = switch (row.status()) {
            case "enabled" -> Styles.SUCCESS;
            case "auto_disabled" -> Styles.WARNING;
            default -> Styles.DANGER;
        };
        var badge = Tables.badge(ctx.texts().get("status." + row.status()), style);
        if (!row.statusReason().isEmpty()) {
            badge.setTooltip(new javafx.scene.control.Tooltip(row.statusReason()));
        }
        return badge;
    }

    private Node actions(ChannelRow row) {
        Texts t = ctx.texts();
        Button toggle = Tables.iconButton(
                "channel-toggle-" + row.id(),
                row.enabled() ? FluentUiRegularAL.DISMISS_CIRCLE_20 : FluentUiRegularAL.CHECKMARK_CIRCLE_20,
                t.get(row.enabled() ? "channels.disable" : "channels.enable"));
        toggle.setOnAction(e -> model.setEnabled(row, !row.enabled()));
        Button test =
                Tables.iconButton("channel-test-" + row.id(), FluentUiRegularAL.FLASH_ON_20, t.get("channels.test"));
        test.setOnAction(e -> model.test(row));
        Button edit = Tables.iconButton("channel-edit-" + row.id(), FluentUiRegularAL.EDIT_20, t.get("action.edit"));
        edit.setOnAction(e -> {
            form.startEdit(row);
            showForm(true);
        });
        Button delete =
                Tables.iconButton("channel-delete-" + row.id(), FluentUiRegularAL.DELETE_20, t.get("action.delete"));
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> {
            Alert confirm = new Alert(
                    Alert.AlertType.CONFIRMATION,
                    t.format("channels.confirmDelete", row.name()),
                    ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.delete(row));
        });
        HBox box = new HBox(2, toggle, test, edit, delete);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
