package ai.burncloud.server;

import ai.burncloud.database.Page;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.function.Function;

/**
 * Building blocks of every JSON answer: money as decimal dollars (a JSON number, never in exponent
 * form), -1 kept for "unlimited", times as unix seconds, pages as {@code {items, total, page, size}}.
 */
final class JsonNodes {
    private JsonNodes() {}

    static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> view) {
        ObjectNode n = JsonViews.object();
        ArrayNode items = n.putArray("items");
        page.items().forEach(i -> items.add(view.apply(i)));
        n.put("total", page.total());
        n.put("page", page.page());
        n.put("size", page.size());
        return n;
    }

    static <T> ObjectNode list(Collection<T> values, Function<T, ObjectNode> view) {
        ObjectNode n = JsonViews.object();
        ArrayNode items = n.putArray("items");
        values.forEach(i -> items.add(view.apply(i)));
        n.put("total", values.size());
        return n;
    }
}
