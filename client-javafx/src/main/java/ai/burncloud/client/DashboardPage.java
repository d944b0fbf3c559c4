package ai.burncloud.client;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.fluentui.FluentUiRegularAL;

/** Tiles for the moment's traffic and today's errors and spend; strip charts of the last ten minutes. */
final class DashboardPage extends Page {
    private final Context ctx;
    private final DashboardModel model;

    DashboardPage(Context ctx) {
        super("dashboard", FluentUiRegularAL.DATA_HISTOGRAM_24);
        this.ctx = ctx;
        this.model = new DashboardModel(ctx);
    }

    DashboardModel model() {
        return model;
    }

    @Override
    Node build() {
        Texts t = ctx.texts();
        HBox tiles = new HBox(
                12,
                tile("tile-rps", t.get("dash.rps"), model.rps().asString()),
                tile("tile-rpm", t.get("dash.rpm"), model.rpm().asString()),
                tile(
                        "tile-tps",
                        t.get("dash.tps"),
                        Bindings.createStringBinding(
                                () -> Formats.count(model.tps().get()), model.tps())),
                tile("tile-inflight", t.get("dash.inFlight"), model.inFlight()),
                tile("tile-errors", t.get("dash.errors"), model.errorsToday().asString()),
                tile("tile-spend", t.get("dash.spend"), model.spendToday()));
        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        charts.add(card(StripChart.of("chart-tps", t.get("chart.tps"), model.tpsSeries(), model.now())), 0, 0);
        charts.add(card(StripChart.of("chart-rpm", t.get("chart.rpm"), model.rpmSeries(), model.now())), 1, 0);
        charts.add(card(StripChart.of("chart-tokens", t.get("chart.tokens"), model.tokenSeries(), model.now())), 0, 1);
        charts.add(card(StripChart.of("chart-cost", t.get("chart.cost"), model.costSeries(), model.now())), 1, 1);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
        row.setPercentHeight(50);
        row.setVgrow(Priority.ALWAYS);
        charts.getRowConstraints().addAll(row, row);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox page = new VBox(16, PageHeader.of(t.get("nav.dashboard"), t.get("dash.subtitle")), tiles, error, charts);
        page.getStyleClass().add("page");
        return page;
    }

    private static Node tile(String id, String title, ObservableValue<String> value) {
        Label name = new Label(title);
        name.getStyleClass().add("tile-title");
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("tile-value");
        number.textProperty().bind(value);
        VBox tile = new VBox(4, name, number);
        tile.getStyleClass().addAll("card", "tile");
        tile.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    private static Node card(Node chart) {
        VBox c = new VBox(chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        c.getStyleClass().addAll("card", "chart-card");
        return c;
    }

    @Override
    public void shown() {
        model.start();
    }

    @Override
    public void hidden() {
        // keeps following: the charts stay continuous when the user comes back
    }

    @Override
    public void dispose() {
        model.stop();
    }
}
