package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.fluentui.FluentUiRegularAL;
import org.kordamp.ikonli.fluentui.FluentUiRegularMZ;
import org.kordamp.ikonli.javafx.FontIcon;

/** Prices per 1M tokens: the table, and a panel to set one (select a row to edit it). */
final class PricesPage extends Page {
    private final Context ctx;
    private final PricesModel model;

    PricesPage(Context ctx) {
        super("prices", FluentUiRegularMZ.MONEY_20);
        this.ctx = ctx;
        this.model = new PricesModel(ctx);
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    Node build() {
        Texts t = ctx.texts();
        TableView<PriceRow> table = Tables.table("prices-table", t.get("prices.empty"));
        table.setItems(model.rows());
        table.getColumns()
                .addAll(
                        Tables.column(t.get("col.model"), PriceRow::model, 200),
                        Tables.column(t.get("prices.input"), PriceRow::input, 110),
                        Tables.column(t.get("prices.output"), PriceRow::output, 110),
                        Tables.column(t.get("prices.cachedInput"), PriceRow::cachedInput, 110),
                        Tables.column(t.get("prices.alias"), PriceRow::alias, 150),
                        Tables.nodes(t.get("col.actions"), this::actions, 60));

        Label title = new Label(t.get("prices.set"));
        title.getStyleClass().add(Styles.TITLE_3);
        TextField name = field("price-model");
        TextField input = field("price-input");
        TextField output = field("price-output");
        TextField cached = field("price-cached");
        TextField alias = field("price-alias");
        alias.setPromptText(t.get("prices.aliasHint"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                name.setText(row.model());
                input.setText(Formats.decimal(row.json().path("input")));
                output.setText(Formats.decimal(row.json().path("output")));
                cached.setText(Formats.decimal(row.json().path("cached_input")));
                alias.setText(row.alias());
            }
        });
        Button save = new Button(t.get("action.save"));
        save.setId("price-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty()
                .bind(name.textProperty().isEmpty().or(model.state().busy()));
        save.setOnAction(e -> model.save(
                name.getText(),
                input.getText(),
                output.getText(),
                cached.getText(),
                alias.getText(),
                () -> table.getSelectionModel().clearSelection()));
        Label unit = new Label(t.get("prices.unit"));
        unit.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        unit.setWrapText(true);
        VBox panel = new VBox(
                10,
                title,
                Forms.row(t.get("col.model"), name),
                Forms.row(t.get("prices.input"), input),
                Forms.row(t.get("prices.output"), output),
                Forms.row(t.get("prices.cachedInput"), cached),
                Forms.row(t.get("prices.alias"), alias),
                unit,
                save);
        panel.getStyleClass().addAll("card", "side-panel");
        panel.setPrefWidth(280);
        panel.setMinWidth(260);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(12, table, panel);
        VBox.setVgrow(body, Priority.ALWAYS);
        Button refresh = new Button(t.get("action.refresh"), new FontIcon(FluentUiRegularAL.ARROW_CLOCKWISE_20));
        refresh.setOnAction(e -> model.refresh());
        VBox page = new VBox(
                12,
                PageHeader.of(t.get("nav.prices"), t.get("prices.subtitle"), refresh),
                Feedback.of(model.state()),
                body);
        page.getStyleClass().add("page");
        return page;
    }

    private Node actions(PriceRow row) {
        Button delete = Tables.iconButton(
                "price-delete", FluentUiRegularAL.DELETE_20, ctx.texts().get("action.delete"));
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> model.delete(row));
        return delete;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }
}
