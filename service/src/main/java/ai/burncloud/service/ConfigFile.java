package ai.burncloud.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration file as read: its sections, each entry with the line it starts on. Only the shape
 * is checked here (known fields, the right types, references to secrets); what the values mean is
 * checked by {@link ConfigPlanner}, which names the same lines. A section the file leaves out is null:
 * an import leaves that part of the configuration alone, even with {@code --prune}.
 */
record ConfigFile(
        List<ChannelEntry> channels,
        List<PriceEntryIn> prices,
        List<ModelRatioEntry> modelRatios,
        List<GroupEntry> groups,
        List<OptionEntry> options,
        YamlTree tree) {

    static final int FORMAT = 1;
    static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]{0,127})}");

    /** A channel; {@code keyVariable} names the environment variable holding its key. */
    record ChannelEntry(
            String at,
            String name,
            String type,
            String baseUrl,
            String keyVariable,
            List<String> models,
            List<String> groups,
            Integer priority,
            Integer weight,
            JsonNode modelMapping,
            JsonNode config,
            boolean enabled) {}

    /** A price in decimal dollars per 1M tokens, or an alias. */
    record PriceEntryIn(String at, String model, String input, String output, String cachedInput, String alias) {}

    record ModelRatioEntry(String at, String model, BigDecimal ratio, BigDecimal completionRatio) {}

    record GroupEntry(String at, String name, BigDecimal ratio, String description) {}

    record OptionEntry(String at, String name, JsonNode value) {}

    /** Where an entry is, for errors: its JSON pointer in the tree. */
    int line(String at) {
        return tree.line(at);
    }

    /**
     * Reads a file's text.
     *
     * @throws ServiceException INVALID naming the line of the first problem
     */
    static ConfigFile parse(String text) {
        YamlTree tree = YamlTree.parse(text);
        JsonNode root = tree.root();
        if (root.isNull() || root.isMissingNode()) {
            throw ServiceException.invalid("line 1: the file is empty");
        }
        Reader r = new Reader(tree);
        r.object(
                root,
                "",
                Set.of("burncloud_config", "channels", "prices", "model_ratios", "groups", "options"),
                Set.of());
        JsonNode format = root.get("burncloud_config");
        if (format != null && !(format.isIntegralNumber() && format.asInt() == FORMAT)) {
            throw r.error(
                    "/burncloud_config", "burncloud_config must be " + FORMAT + " (the format this version reads)");
        }
        return new ConfigFile(
                r.list(root, "channels", r::channel),
                r.list(root, "prices", r::price),
                r.list(root, "model_ratios", r::modelRatio),
                r.list(root, "groups", r::group),
                r.options(root),
                tree);
    }

    /** Reads typed fields, naming the line of whatever is wrong. */
    private record Reader(YamlTree tree) {
        interface EntryReader<T> {
            T read(JsonNode node, String at);
        }

        ServiceException error(String at, String message) {
            return ServiceException.invalid("line " + tree.line(at) + ": " + message);
        }

        void object(JsonNode node, String at, Set<String> known, Set<String> required) {
            if (!node.isObject()) {
                throw error(at, (at.isEmpty() ? "the file" : where(at)) + " must be a mapping of fields");
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!known.contains(n)) {
                    throw error(
                            at + "/" + n,
                            "unknown field '" + Inputs.clip(n) + "'" + (at.isEmpty() ? "" : " in " + where(at)));
                }
            }
            for (String n : required) {
                if (node.path(n).isNull() || node.path(n).isMissingNode()) {
                    throw error(at, where(at) + ": " + n + " is required");
                }
            }
        }

        /** "channels[2]" for "/channels/2". */
        static String where(String at) {
            String[] parts = at.substring(1).split("/");
            StringBuilder sb = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                sb.append(parts[i].chars().allMatch(Character::isDigit) ? "[" + parts[i] + "]" : "." + parts[i]);
            }
            return sb.toString();
        }

        <T> List<T> list(JsonNode root, String section, EntryReader<T> reader) {
            JsonNode node = root.get(section);
            if (node == null) {
                return null;
            }
            if (node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error("/" + section, section + " must be a list");
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                out.add(reader.read(node.get(i), "/" + section + "/" + i));
            }
            return out;
        }

        String text(JsonNode entry, String at, String field) {
            JsonNode v = entry.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isValueNode() || v.isBoolean()) {
                throw error(at + "/" + field, where(at) + "." + field + " must be text");
            }
            return v.asText();
        }

        Integer integer(JsonNode entry, String at, String field) {
            JsonNode v = entry.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(at + "/" + field, where(at) + "." + field + " must be a whole number");
            }
            return v.intValue();
        }

        /** A decimal number (or its text) exactly, as plain text. */
        String amount(JsonNode entry, String at, String field) {
            JsonNode v = entry.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            try {
                if (v.isNumber()) {
                    return v.decimalValue().toPlainString();
                }
                if (v.isTextual() && v.asText().length() <= 64) {
                    return new BigDecimal(v.asText().strip()).toPlainString();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(at + "/" + field, where(at) + "." + field + " must be a number");
        }

        BigDecimal decimal(JsonNode entry, String at, String field) {
            String a = amount(entry, at, field);
            if (a != null && a.length() > 40) {
                throw error(at + "/" + field, where(at) + "." + field + " is out of range");
            }
            return a == null ? null : new BigDecimal(a);
        }

        List<String> strings(JsonNode entry, String at, String field) {
            JsonNode v = entry.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isArray()) {
                throw error(at + "/" + field, where(at) + "." + field + " must be a list");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (!e.isValueNode() || e.isNull() || e.isBoolean()) {
                    throw error(at + "/" + field + "/" + i, where(at) + "." + field + " must list names");
                }
                out.add(e.asText());
            }
            return out;
        }

        JsonNode mapping(JsonNode entry, String at, String field) {
            JsonNode v = entry.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isObject()) {
                throw error(at + "/" + field, where(at) + "." + field + " must be a mapping");
            }
            return v;
        }

        ChannelEntry channel(JsonNode e, String at) {
            object(
                    e,
                    at,
                    Set.of(
                            "name",
                            "type",
                            "base_url",
                            "key",
                            "models",
                            "groups",
                            "priority",
                            "weight",
                            "model_mapping",
                            "config",
                            "enabled"),
                    Set.of("name", "type", "key", "models"));
            String key = text(e, at, "key");
            Matcher ref = ENV_REFERENCE.matcher(key.strip());
            if (!ref.matches()) {
                throw error(
                        at + "/key",
                        where(at) + ".key must be a reference like ${env:OPENAI_KEY}: keys are never written in"
                                + " configuration files");
            }
            JsonNode enabled = e.get("enabled");
            if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                throw error(at + "/enabled", where(at) + ".enabled must be true or false");
            }
            return new ChannelEntry(
                    at,
                    text(e, at, "name"),
                    text(e, at, "type"),
                    text(e, at, "base_url"),
                    ref.group(1),
                    strings(e, at, "models"),
                    strings(e, at, "groups"),
                    integer(e, at, "priority"),
                    integer(e, at, "weight"),
                    mapping(e, at, "model_mapping"),
                    mapping(e, at, "config"),
                    enabled == null || enabled.isNull() || enabled.booleanValue());
        }

        PriceEntryIn price(JsonNode e, String at) {
            object(e, at, Set.of("model", "input", "output", "cached_input", "alias"), Set.of("model"));
            PriceEntryIn p = new PriceEntryIn(
                    at,
                    text(e, at, "model"),
                    amount(e, at, "input"),
                    amount(e, at, "output"),
                    amount(e, at, "cached_input"),
                    text(e, at, "alias"));
            if (p.alias() != null && (p.input() != null || p.output() != null || p.cachedInput() != null)) {
                throw error(at, where(at) + ": give input and output, or alias, not both");
            }
            if (p.alias() == null && (p.input() == null || p.output() == null)) {
                throw error(at, where(at) + ": input and output are required (or alias)");
            }
            return p;
        }

        ModelRatioEntry modelRatio(JsonNode e, String at) {
            object(e, at, Set.of("model", "ratio", "completion_ratio"), Set.of("model", "ratio"));
            return new ModelRatioEntry(
                    at, text(e, at, "model"), decimal(e, at, "ratio"), decimal(e, at, "completion_ratio"));
        }

        GroupEntry group(JsonNode e, String at) {
            object(e, at, Set.of("name", "ratio", "description"), Set.of("name", "ratio"));
            return new GroupEntry(at, text(e, at, "name"), decimal(e, at, "ratio"), text(e, at, "description"));
        }

        List<OptionEntry> options(JsonNode root) {
            JsonNode node = root.get("options");
            if (node == null) {
                return null;
            }
            if (node.isNull()) {
                return List.of();
            }
            if (!node.isObject()) {
                throw error("/options", "options must be a mapping of option names to values");
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
            List<OptionEntry> out = new ArrayList<>();
            fields.forEach((name, value) -> out.add(new OptionEntry("/options/" + name, name, value)));
            return out;
        }
    }
}
