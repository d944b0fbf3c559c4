package ai.burncloud.cli;

import ai.burncloud.service.JsonViews;
import ai.burncloud.service.PriceEntry;
import ai.burncloud.service.ResolvedPrice;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prices as people and scripts see them. An alias shows the price it resolves to (its own stored
 * numbers are meaningless) and names the model that price comes from.
 */
final class PriceViews {
    private PriceViews() {}

    static ObjectNode json(PriceEntry e) {
        return JsonViews.price(e);
    }

    static ArrayNode json(List<PriceEntry> entries) {
        ArrayNode a = JsonViews.array();
        entries.forEach(e -> a.add(json(e)));
        return a;
    }

    /** MODEL, INPUT, OUTPUT, CACHED INPUT (USD per 1M tokens), ALIAS FOR. */
    static Table table(List<PriceEntry> entries) {
        Table t = Table.of("MODEL", "INPUT", "OUTPUT", "CACHED INPUT", "ALIAS FOR");
        for (PriceEntry e : entries) {
            ResolvedPrice p = e.resolved().orElse(null);
            t.row(
                    e.model(),
                    p == null ? "?" : Formats.money(p.input()),
                    p == null ? "?" : Formats.money(p.output()),
                    p == null ? "?" : Formats.money(p.cachedInput()),
                    e.row().aliasFor());
        }
        return t;
    }

    /** One price, as {@code --json} asks: JSON for scripts, details for people. */
    static void print(PrintWriter out, boolean json, PriceEntry e) {
        if (json) {
            JsonOutput.print(out, json(e));
        } else {
            details(e).print(out);
        }
    }

    static Details details(PriceEntry e) {
        Details d = new Details().add("model", e.model());
        ResolvedPrice p = e.resolved().orElse(null);
        if (e.isAlias()) {
            d.add("alias for", e.row().aliasFor());
            d.add("resolves via", p == null ? "nothing: the alias chain is broken" : p.source());
        }
        if (p != null) {
            d.add("input", Formats.money(p.input()) + " USD / 1M tokens");
            d.add("output", Formats.money(p.output()) + " USD / 1M tokens");
            d.add(
                    "cached input",
                    p.cachedInput() == null
                            ? "- (billed as input)"
                            : Formats.money(p.cachedInput()) + " USD / 1M tokens");
        }
        return d;
    }
}
