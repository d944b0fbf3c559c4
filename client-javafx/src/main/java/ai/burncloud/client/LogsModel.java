package ai.burncloud.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The request log with the API's filters (time window, model, token, channel, user, status,
 * stream). Live tail re-reads the newest page every two seconds while it is on.
 */
final class LogsModel {
    static final int PAGE_SIZE = 100;
    private static final Duration TAIL_EVERY = Duration.seconds(2);

    /** What the user filters by; blank means any. {@code lastSeconds} 0 means all time. */
    record Filter(
            long lastSeconds, String model, String token, String channel, String user, String status, String stream) {
        static final Filter ANY = new Filter(0, "", "", "", "", "", "");

        Map<String, String> query(long now) {
            Map<String, String> q = new LinkedHashMap<>();
            if (lastSeconds > 0) {
                q.put("from", Long.toString(now - lastSeconds));
            }
            q.put("model", model);
            q.put("token", token);
            q.put("channel", channel);
            q.put("user", user);
            q.put("status", status);
            q.put("stream", stream);
            q.put("page", "1");
            q.put("size", Integer.toString(PAGE_SIZE));
            return q;
        }
    }

    private final Context ctx;
    private final PageState state = new PageState();
    private final ObservableList<LogRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper tailing = new ReadOnlyBooleanWrapper();
    private final Timeline tail;
    private Filter filter = Filter.ANY;

    LogsModel(Context ctx) {
        this.ctx = ctx;
        tail = new Timeline(new KeyFrame(TAIL_EVERY, e -> load()));
        tail.setCycleCount(Timeline.INDEFINITE);
    }

    ObservableList<LogRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    PageState state() {
        return state;
    }

    ReadOnlyLongProperty total() {
        return total.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty tailing() {
        return tailing.getReadOnlyProperty();
    }

    void search(Filter f) {
        filter = f;
        load();
    }

    void tail(boolean on) {
        tailing.set(on);
        if (on) {
            load();
            tail.play();
        } else {
            tail.stop();
        }
    }

    void stop() {
        tail.stop();
    }

    private void load() {
        String path = ApiClient.query("/api/logs", filter.query(System.currentTimeMillis() / 1000));
        Fx.then(
                ctx.api().get(path),
                page -> {
                    List<LogRow> list = new ArrayList<>();
                    page.path("items").forEach(n -> list.add(LogRow.of(n)));
                    rows.setAll(list);
                    total.set(page.path("total").asLong());
                    state.say("");
                },
                state::fail);
    }
}
