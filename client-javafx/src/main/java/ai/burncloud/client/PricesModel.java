package ai.burncloud.client;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Prices per 1M tokens: list, set (a price or an alias), delete. Amounts stay decimal. */
final class PricesModel {
    private final Context ctx;
    private final PageState state = new PageState();
    private final ObservableList<PriceRow> rows = FXCollections.observableArrayList();

    PricesModel(Context ctx) {
        this.ctx = ctx;
    }

    ObservableList<PriceRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    PageState state() {
        return state;
    }

    void refresh() {
        state.run(ctx.api().get("/api/prices"), page -> {
            List<PriceRow> list = new ArrayList<>();
            page.path("items").forEach(n -> list.add(PriceRow.of(n)));
            rows.setAll(list);
        });
    }

    /** A price (input and output required, cached input optional), or an alias when one is given. */
    void save(String model, String input, String output, String cachedInput, String alias, Runnable done) {
        ObjectNode body = Json.object().put("model", model.strip());
        try {
            if (alias != null && !alias.isBlank()) {
                body.put("alias", alias.strip());
            } else {
                body.put("input", amount(input));
                body.put("output", amount(output));
                if (cachedInput != null && !cachedInput.isBlank()) {
                    body.put("cached_input", amount(cachedInput));
                }
            }
        } catch (NumberFormatException e) {
            state.fail(ctx.texts().get("prices.badAmount"));
            return;
        }
        state.run(ctx.api().post("/api/prices", body), saved -> {
            state.say(ctx.texts().format("prices.saved", saved.path("model").asText()));
            refresh();
            done.run();
        });
    }

    void delete(PriceRow row) {
        String path = "/api/prices/"
                + URLEncoder.encode(row.model(), StandardCharsets.UTF_8).replace("+", "%20");
        state.run(ctx.api().delete(path), deleted -> {
            state.say(ctx.texts().format("prices.deleted", row.model()));
            refresh();
        });
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("empty");
        }
        return new BigDecimal(text.strip());
    }
}
