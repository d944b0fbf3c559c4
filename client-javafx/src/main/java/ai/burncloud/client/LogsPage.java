package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.fluentui.FluentUiRegularMZ;
import org.kordamp.ikonli.javafx.FontIcon;

/** The request log: search with the API's filters, live tail, and every field of a selected row. */
final class LogsPage extends Page {
    private static final List<Long> WINDOWS = List.of(900L, 3600L, 86_400L, 604_800L, 0L);

    private final Context ctx;
    private final LogsModel model;
    private final GridPane detail = new GridPane();
    private ComboBox<Long> window;
    private TextField modelField;
    private TextField token;
    private TextField channel;
    private TextField user;
    private TextField status;
    private ComboBox<String> stream;

    LogsPage(Context ctx) {
        super("logs", FluentUiRegularMZ.TEXT_BULLET_LIST_20);
        this.ctx = ctx;
        this.model = new LogsModel(ctx);
    }

    @Override
    public void shown() {
        model.search(currentFilter());
    }

    @Override
    public void hidden() {
        model.stop();
    }

    @Override
    public void dispose() {
        model.stop();
    }

    @Override
    Node build() {
        Texts t = ctx.texts();
        window = new ComboBox<>();
        window.getItems().setAll(WINDOWS);
        window.setValue(86_400L);
        window.setConverter(new StringConverter<>() {
            @Override
            public String toString(Long s) {
                return s == null ? "" : t.get("logs.window." + s);
            }

            @Override
            public Long fromString(String s) {
                return null;
            }
        });
        modelField = filterField("logs-filter-model", t.get("col.model"), 140);
        token = filterField("logs-filter-token", t.get("logs.tokenId"), 80);
        channel = filterField("logs-filter-channel", t.get("logs.channelId"), 80);
        user = filterField("logs-filter-user", t.get("logs.userId"), 80);
        status = filterField("logs-filter-status", t.get("col.status"), 80);
        stream = new ComboBox<>();
        stream.getItems().setAll("", "true", "false");
        stream.setValue("");
        stream.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? t.get("logs.stream.any") : t.get("logs.stream." + s);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        Button search = new Button(t.get("logs.search"), new FontIcon(FluentUiRegularMZ.SEARCH_20));
        search.setId("logs-search");
        search.setDefaultButton(true);
        search.getStyleClass().add(Styles.ACCENT);
        search.setOnAction(e -> model.search(currentFilter()));
        ToggleButton tail = new ToggleButton(t.get("logs.tail"), new FontIcon(FluentUiRegularMZ.PLAY_20));
        tail.setId("logs-tail");
        tail.selectedProperty().addListener((obs, was, on) -> {
            model.search(currentFilter());
            model.tail(on);
            tail.setGraphic(new FontIcon(on ? FluentUiRegularMZ.PAUSE_20 : FluentUiRegularMZ.PLAY_20));
        });
        HBox filters = new HBox(8, window, modelField, token, channel, user, status, stream, search);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<LogRow> table = Tables.table("logs-table", t.get("logs.empty"));
        table.setItems(model.rows());
        table.getColumns()
                .addAll(
                        Tables.column(t.get("col.time"), LogRow::time, 150),
                        Tables.column(t.get("col.model"), LogRow::model, 150),
                        Tables.column(t.get("col.status"), LogRow::status, 60),
                        Tables.column(t.get("col.tokens"), LogRow::tokens, 110),
                        Tables.column(t.get("col.cost"), LogRow::cost, 90),
                        Tables.column(t.get("col.latency"), LogRow::latencyMs, 90),
                        Tables.column(t.get("col.stream"), LogRow::stream, 60));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                showDetail(row.json());
            }
        });
        detail.setId("logs-detail");
        detail.setHgap(12);
        detail.setVgap(4);
        Label detailTitle = new Label(t.get("logs.detail"));
        detailTitle.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(t.get("logs.detailHint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        detail.add(hint, 0, 0, 2, 1);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        VBox detailPanel = new VBox(8, detailTitle, detailScroll);
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        detailPanel.getStyleClass().addAll("card", "side-panel");
        detailPanel.setPrefWidth(300);
        detailPanel.setMinWidth(260);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(12, table, detailPanel);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label total = new Label();
        total.getStyleClass().add(Styles.TEXT_MUTED);
        total.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> t.format("logs.total", model.total().get(), LogsModel.PAGE_SIZE), model.total()));
        VBox page = new VBox(
                12,
                PageHeader.of(t.get("nav.logs"), t.get("logs.subtitle"), tail),
                filters,
                Feedback.of(model.state()),
                body,
                total);
        page.getStyleClass().add("page");
        return page;
    }

    private LogsModel.Filter currentFilter() {
        if (window == null) {
            return LogsModel.Filter.ANY;
        }
        return new LogsModel.Filter(
                window.getValue() == null ? 0 : window.getValue(),
                modelField.getText(),
                token.getText(),
                channel.getText(),
                user.getText(),
                status.getText(),
                stream.getValue() == null ? "" : stream.getValue());
    }

    private void showDetail(JsonNode row) {
        detail.getChildren().clear();
        int r = 0;
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) row::fields) {
            Label name = new Label(field.getKey());
            name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Label value = new Label(
                    field.getValue().isNull()
                            ? "—"
                            : field.getValue().isTextual()
                                    ? field.getValue().asText()
                                    : field.getValue().toString());
            value.setWrapText(true);
            value.getStyleClass().add(Styles.TEXT_SMALL);
            detail.addRow(r++, name, value);
        }
    }

    private static TextField filterField(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }
}
