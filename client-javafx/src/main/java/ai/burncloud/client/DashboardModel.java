package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.util.Duration;

/**
 * The dashboard's numbers. RPS, RPM, TPS and in-flight come from the live event stream (one a
 * second); errors and spend today, and the token and cost totals of the last ten minutes, from the
 * statistics API every few seconds. Every series keeps at most {@link #WINDOW_S} points, so memory
 * stays flat however long the window is open.
 */
final class DashboardModel {
    static final int WINDOW_S = 600;
    private static final Duration POLL_EVERY = Duration.seconds(3);

    private final Context ctx;
    private final ReadOnlyLongWrapper rps = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper rpm = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper tps = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper inFlight = new ReadOnlyStringWrapper("—");
    private final ReadOnlyLongWrapper errorsToday = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper spendToday = new ReadOnlyStringWrapper("$0.00");
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper(System.currentTimeMillis() / 1000);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<XYChart.Data<Number, Number>> tpsSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> rpmSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> tokenSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> costSeries = FXCollections.observableArrayList();
    private final Timeline poll;
    private LiveStatsStream stream;

    DashboardModel(Context ctx) {
        this.ctx = ctx;
        poll = new Timeline(new KeyFrame(Duration.ZERO, e -> pollTotals()), new KeyFrame(POLL_EVERY));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts following (idempotent). */
    void start() {
        if (stream == null) {
            backfill();
            stream = new LiveStatsStream(ctx.api(), ctx.bus(), s -> Platform.runLater(() -> add(s)));
            stream.start();
        }
        poll.play();
    }

    void stop() {
        poll.stop();
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void add(LiveSample s) {
        rps.set(s.rps());
        rpm.set(s.rpm());
        tps.set(s.tps());
        inFlight.set(s.inFlight() == null ? "—" : Integer.toString(s.inFlight()));
        now.set(s.time());
        append(tpsSeries, s.time(), s.tps());
        append(rpmSeries, s.time(), s.rpm());
    }

    /**
     * Fills the rate charts with the last ten minutes from the statistics API, so they are not
     * empty when the window opens; live samples then continue where the history ends.
     */
    private void backfill() {
        String from = Long.toString(System.currentTimeMillis() / 1000 - WINDOW_S);
        ApiClient api = ctx.api();
        Fx.then(
                api.get(ApiClient.query(
                        "/api/stats/timeseries", Map.of("metric", "tokens", "bucket", "1s", "from", from))),
                series -> prepend(tpsSeries, perSecond(series)),
                error::set);
        Fx.then(
                api.get(ApiClient.query(
                        "/api/stats/timeseries", Map.of("metric", "requests", "bucket", "1s", "from", from))),
                series -> prepend(rpmSeries, perMinute(series)),
                error::set);
    }

    private static void prepend(
            ObservableList<XYChart.Data<Number, Number>> series, List<XYChart.Data<Number, Number>> history) {
        long firstLive =
                series.isEmpty() ? Long.MAX_VALUE : series.get(0).getXValue().longValue();
        List<XYChart.Data<Number, Number>> older = history.stream()
                .filter(d -> d.getXValue().longValue() < firstLive)
                .toList();
        series.addAll(0, older);
        if (series.size() > WINDOW_S) {
            series.remove(0, series.size() - WINDOW_S);
        }
    }

    static List<XYChart.Data<Number, Number>> perSecond(JsonNode answer) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>();
        for (JsonNode series : answer.path("series")) {
            for (JsonNode p : series.path("points")) {
                out.add(new XYChart.Data<>(p.path("t").asLong(), p.path("v").asLong()));
            }
        }
        return out;
    }

    /** Requests per second as "requests in the 60 seconds up to t", like the live rpm. */
    static List<XYChart.Data<Number, Number>> perMinute(JsonNode answer) {
        List<XYChart.Data<Number, Number>> perSecond = perSecond(answer);
        List<XYChart.Data<Number, Number>> out = new ArrayList<>();
        java.util.ArrayDeque<XYChart.Data<Number, Number>> minute = new java.util.ArrayDeque<>();
        long sum = 0;
        for (XYChart.Data<Number, Number> d : perSecond) {
            long t = d.getXValue().longValue();
            minute.addLast(d);
            sum += d.getYValue().longValue();
            while (minute.getFirst().getXValue().longValue() <= t - 60) {
                sum -= minute.removeFirst().getYValue().longValue();
            }
            out.add(new XYChart.Data<>(t, sum));
        }
        return out;
    }

    private static void append(ObservableList<XYChart.Data<Number, Number>> series, long t, Number v) {
        if (!series.isEmpty() && series.get(series.size() - 1).getXValue().longValue() >= t) {
            return;
        }
        series.add(new XYChart.Data<>(t, v));
        if (series.size() > WINDOW_S) {
            series.remove(0, series.size() - WINDOW_S);
        }
    }

    private void pollTotals() {
        long t = System.currentTimeMillis() / 1000;
        long midnight = LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toEpochSecond();
        ApiClient api = ctx.api();
        Fx.then(
                api.get(ApiClient.query("/api/stats/summary", Map.of("from", Long.toString(midnight)))),
                summary -> {
                    errorsToday.set(summary.path("errors").asLong());
                    spendToday.set(Formats.dollars(summary.path("cost").decimalValue()));
                    error.set("");
                },
                error::set);
        String from = Long.toString(t - WINDOW_S);
        Fx.then(
                api.get(ApiClient.query(
                        "/api/stats/timeseries", Map.of("metric", "tokens", "bucket", "1s", "from", from))),
                series -> tokenSeries.setAll(cumulative(series)),
                error::set);
        Fx.then(
                api.get(ApiClient.query(
                        "/api/stats/timeseries", Map.of("metric", "cost", "bucket", "1s", "from", from))),
                series -> costSeries.setAll(cumulative(series)),
                error::set);
    }

    /** The running total over the window of a one-series answer (one point per second with data). */
    static List<XYChart.Data<Number, Number>> cumulative(JsonNode answer) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode series : answer.path("series")) {
            for (JsonNode p : series.path("points")) {
                sum = sum.add(p.path("v").decimalValue());
                out.add(new XYChart.Data<>(p.path("t").asLong(), sum));
            }
        }
        int from = Math.max(0, out.size() - WINDOW_S);
        return out.subList(from, out.size());
    }

    ReadOnlyLongProperty rps() {
        return rps.getReadOnlyProperty();
    }

    ReadOnlyLongProperty rpm() {
        return rpm.getReadOnlyProperty();
    }

    ReadOnlyLongProperty tps() {
        return tps.getReadOnlyProperty();
    }

    ReadOnlyStringProperty inFlight() {
        return inFlight.getReadOnlyProperty();
    }

    ReadOnlyLongProperty errorsToday() {
        return errorsToday.getReadOnlyProperty();
    }

    ReadOnlyStringProperty spendToday() {
        return spendToday.getReadOnlyProperty();
    }

    /** The time of the newest live sample: the charts' right edge. */
    ReadOnlyLongProperty now() {
        return now.getReadOnlyProperty();
    }

    ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    ObservableList<XYChart.Data<Number, Number>> tpsSeries() {
        return FXCollections.unmodifiableObservableList(tpsSeries);
    }

    ObservableList<XYChart.Data<Number, Number>> rpmSeries() {
        return FXCollections.unmodifiableObservableList(rpmSeries);
    }

    ObservableList<XYChart.Data<Number, Number>> tokenSeries() {
        return FXCollections.unmodifiableObservableList(tokenSeries);
    }

    ObservableList<XYChart.Data<Number, Number>> costSeries() {
        return FXCollections.unmodifiableObservableList(costSeries);
    }
}
