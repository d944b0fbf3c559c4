package ai.burncloud.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an import of a configuration file does, or did: the entries it adds, changes and deletes, and
 * (without prune) those it leaves alone although the file does not list them. An entry is named by
 * its section and natural key (a channel's name, a price's model, an option's name). Keys never
 * appear: a changed key is a {@code key} field change without values.
 */
public record ConfigDiff(
        List<Entry> added, List<Entry> changed, List<Entry> deleted, List<Entry> notInFile, boolean prune) {

    /** One entry; {@code fields} lists what changes (for an update) or what it holds (for an add). */
    public record Entry(String section, String name, List<Field> fields) {}

    /** A field's value before and after (JSON; null when absent); the key's values are always null. */
    public record Field(String name, JsonNode before, JsonNode after) {}

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && deleted.isEmpty();
    }

    /** As the API and {@code --json} show it. */
    public ObjectNode json() {
        ObjectNode n = JsonViews.object();
        n.set("add", entries(added));
        n.set("change", entries(changed));
        n.set("delete", entries(deleted));
        n.set("not_in_file", entries(notInFile));
        n.put("prune", prune);
        return n;
    }

    private static ArrayNode entries(List<Entry> entries) {
        ArrayNode a = JsonViews.array();
        for (Entry e : entries) {
            ObjectNode o = a.addObject();
            o.put("section", e.section());
            o.put("name", e.name());
            ArrayNode fields = o.putArray("fields");
            for (Field f : e.fields()) {
                ObjectNode fo = fields.addObject();
                fo.put("field", f.name());
                fo.set("before", f.before());
                fo.set("after", f.after());
            }
        }
        return a;
    }
}
