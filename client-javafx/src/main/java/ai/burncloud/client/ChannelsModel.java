package ai.burncloud.client;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The channels of the server: list, enable/disable, speed test, add, edit, delete. */
final class ChannelsModel {
    private final Context ctx;
    private final ObservableList<ChannelRow> rows = FXCollections.observableArrayList();
    private final PageState state = new PageState();

    ChannelsModel(Context ctx) {
        this.ctx = ctx;
    }

    ObservableList<ChannelRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    PageState state() {
        return state;
    }

    void refresh() {
        state.run(ctx.api().get("/api/channels?page=1&size=100"), page -> {
            List<ChannelRow> list = new ArrayList<>();
            page.path("items").forEach(n -> list.add(ChannelRow.of(n, ctx.texts())));
            rows.setAll(list);
        });
    }

    void setEnabled(ChannelRow row, boolean enabled) {
        state.run(ctx.api().post("/api/channels/" + row.id() + (enabled ? "/enable" : "/disable"), null), changed -> {
            replace(changed);
            state.say(ctx.texts().format(enabled ? "channels.enabled" : "channels.disabled", row.name()));
        });
    }

    void test(ChannelRow row) {
        state.say(ctx.texts().format("channels.testing", row.name()));
        state.run(ctx.api().post("/api/channels/" + row.id() + "/test", Json.object()), result -> {
            state.say(row.name() + ": " + ChannelRow.lastTest(result, ctx.texts()));
            refresh();
        });
    }

    /** Adds ({@code id} null) or changes a channel; {@code done} runs after success. */
    void save(Long id, ObjectNode body, Runnable done) {
        CompletableFuture<JsonNode> call =
                id == null ? ctx.api().post("/api/channels", body) : ctx.api().patch("/api/channels/" + id, body);
        state.run(call, saved -> {
            state.say(ctx.texts().format("channels.saved", saved.path("name").asText()));
            refresh();
            done.run();
        });
    }

    void delete(ChannelRow row) {
        state.run(ctx.api().delete("/api/channels/" + row.id()), deleted -> {
            state.say(ctx.texts().format("channels.deleted", row.name()));
            refresh();
        });
    }

    private void replace(JsonNode changed) {
        ChannelRow updated = ChannelRow.of(changed, ctx.texts());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == updated.id()) {
                rows.set(i, updated);
            }
        }
    }
}
