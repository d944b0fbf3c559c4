package ai.burncloud.client;

import javafx.beans.value.ObservableLongValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * A live line chart of the last ten minutes: no animation, no symbols, a time axis that follows
 * the newest sample. The data list is the model's (bounded there).
 */
final class StripChart {
    private StripChart() {}

    static LineChart<Number, Number> of(
            String id, String title, ObservableList<XYChart.Data<Number, Number>> data, ObservableLongValue now) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setTickUnit(120);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number t) {
                return Formats.clock(t.longValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        follow(x, now.get());
        now.addListener((obs, was, t) -> follow(x, t.longValue()));
        NumberAxis y = new NumberAxis(0, 1, 0.25);
        y.setAutoRanging(false);
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        // an idle chart keeps a 0..1 axis instead of collapsing to a single "0.00"
        data.addListener((ListChangeListener<XYChart.Data<Number, Number>>) change -> {
            boolean busy = data.stream().anyMatch(d -> d.getYValue().doubleValue() > 0);
            if (busy != y.isAutoRanging()) {
                y.setAutoRanging(busy);
                if (!busy) {
                    y.setLowerBound(0);
                    y.setUpperBound(1);
                }
            }
        });
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        chart.getStyleClass().add("strip-chart");
        chart.getData().add(new XYChart.Series<>(title, data));
        chart.setMinHeight(160);
        return chart;
    }

    private static void follow(NumberAxis x, long now) {
        x.setLowerBound(now - DashboardModel.WINDOW_S);
        x.setUpperBound(now);
    }
}
