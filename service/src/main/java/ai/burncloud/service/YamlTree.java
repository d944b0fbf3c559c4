package ai.burncloud.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read as a JSON tree that remembers the line of every node, so an error found long
 * after parsing (a bad channel type, an alias to nowhere) still names the line it comes from. Jackson's
 * tree model drops locations; this reads the token stream itself. Floats are read as exact decimals,
 * never as doubles, and a key given twice in one mapping is an error.
 */
final class YamlTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxDocumentLength(1024L * 1024)
                    .build())
            .build();

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /**
     * Parses one YAML document.
     *
     * @throws ServiceException INVALID naming the line and column of a syntax error
     */
    static YamlTree parse(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return new YamlTree(NODES.nullNode(), lines);
            }
            JsonNode root = read(p, "", lines);
            if (p.nextToken() != null) {
                throw ServiceException.invalid(
                        "line " + p.currentTokenLocation().getLineNr() + ": only one YAML document is allowed");
            }
            return new YamlTree(root, lines);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw ServiceException.invalid(where + "not valid YAML: " + Inputs.firstLine(e.getOriginalMessage()));
        } catch (NumberFormatException e) {
            throw ServiceException.invalid("not valid YAML: a number is out of range or not finite");
        } catch (IOException e) {
            throw ServiceException.invalid("unreadable YAML: " + Inputs.firstLine(e.getMessage()));
        }
    }

    private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    if (o.has(name)) {
                        throw ServiceException.invalid("line " + line + ": '" + Inputs.clip(name) + "' is given twice");
                    }
                    String child = path + "/" + name;
                    lines.put(child, line);
                    p.nextToken();
                    o.set(name, read(p, child, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "/" + i++, lines));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(p.getBigIntegerValue())
                        : NODES.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default ->
                throw ServiceException.invalid(
                        "line " + p.currentTokenLocation().getLineNr() + ": unsupported YAML value " + t);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line of the node at {@code pointer} ("/channels/0/type"), else of its nearest ancestor. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
