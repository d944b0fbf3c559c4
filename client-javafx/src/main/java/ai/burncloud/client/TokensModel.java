package ai.burncloud.client;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Data-plane keys: list, create (the key is shown once), enable/disable, delete. */
final class TokensModel {
    private final Context ctx;
    private final PageState state = new PageState();
    private final ObservableList<TokenRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper createdKey = new ReadOnlyStringWrapper("");

    TokensModel(Context ctx) {
        this.ctx = ctx;
    }

    ObservableList<TokenRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    PageState state() {
        return state;
    }

    /** The full key of the token just created; empty once dismissed (it is never shown again). */
    ReadOnlyStringProperty createdKey() {
        return createdKey.getReadOnlyProperty();
    }

    void refresh() {
        state.run(ctx.api().get("/api/tokens?page=1&size=100"), page -> {
            List<TokenRow> list = new ArrayList<>();
            page.path("items").forEach(n -> list.add(TokenRow.of(n, ctx.texts())));
            rows.setAll(list);
        });
    }

    /**
     * @param quota dollars, blank for unlimited
     * @param expires null for never
     * @param models comma-separated, blank for every model
     */
    void create(String name, String quota, LocalDate expires, String models) {
        ObjectNode body = Json.object();
        body.put("name", name.strip());
        if (quota != null && !quota.isBlank()) {
            try {
                body.put("quota", new BigDecimal(quota.strip()));
            } catch (NumberFormatException e) {
                state.fail(ctx.texts().format("tokens.badQuota", quota));
                return;
            }
        }
        if (expires != null) {
            body.put("expires_at", expires.toString());
        }
        body.set("models", Json.mapper().valueToTree(Formats.list(models)));
        state.run(ctx.api().post("/api/tokens", body), created -> {
            createdKey.set(created.path("key").asText());
            state.say(ctx.texts().format("tokens.created", created.path("name").asText()));
            refresh();
        });
    }

    void dismissKey() {
        createdKey.set("");
    }

    void setEnabled(TokenRow row, boolean enabled) {
        ObjectNode body = Json.object().put("status", enabled ? "enabled" : "disabled");
        state.run(ctx.api().patch("/api/tokens/" + row.id(), body), changed -> {
            state.say(ctx.texts().format(enabled ? "tokens.enabled" : "tokens.disabled", row.name()));
            refresh();
        });
    }

    void delete(TokenRow row) {
        state.run(ctx.api().delete("/api/tokens/" + row.id()), deleted -> {
            state.say(ctx.texts().format("tokens.deleted", row.name()));
            refresh();
        });
    }
}
