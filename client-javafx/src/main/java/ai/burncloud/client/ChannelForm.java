package ai.burncloud.client;

import ai.burncloud.common.Json;
import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Add or edit a channel, with the fields its type needs: a base URL for every type (required for
 * Azure), the API version for Azure and Gemini, the AWS region for Bedrock (whose key is
 * {@code ACCESS_KEY_ID|SECRET_ACCESS_KEY}). When editing, an empty key keeps the stored one.
 */
final class ChannelForm {
    static final List<String> TYPES = List.of("openai", "azure", "anthropic", "gemini", "bedrock", "qwen");

    private final Texts texts;
    private final TextField name = field("channel-name");
    private final ComboBox<String> type = new ComboBox<>();
    private final TextField baseUrl = field("channel-base-url");
    private final PasswordField key = new PasswordField();
    private final TextField models = field("channel-models");
    private final TextField groups = field("channel-groups");
    private final Spinner<Integer> priority = new Spinner<>(-1000, 1000, 0);
    private final Spinner<Integer> weight = new Spinner<>(0, 1000, 1);
    private final TextField apiVersion = field("channel-api-version");
    private final TextField region = field("channel-region");
    private final Label keyHint = new Label();
    private final Label title = new Label();
    private final VBox apiVersionRow;
    private final VBox regionRow;
    private final VBox view;
    private JsonNode editing;

    ChannelForm(Texts texts, BiConsumer<Long, ObjectNode> onSave, Runnable onCancel) {
        this.texts = texts;
        type.setId("channel-type");
        type.getItems().setAll(TYPES);
        type.setMaxWidth(Double.MAX_VALUE);
        key.setId("channel-key");
        priority.setEditable(true);
        weight.setEditable(true);
        keyHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        keyHint.setWrapText(true);
        title.getStyleClass().add(Styles.TITLE_3);
        apiVersionRow = row("channels.field.apiVersion", apiVersion);
        regionRow = row("channels.field.region", region);
        type.valueProperty().addListener((obs, was, now) -> adapt(now));

        Button save = new Button(texts.get("action.save"));
        save.setId("channel-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(
                e -> onSave.accept(editing == null ? null : editing.path("id").asLong(), body()));
        Button cancel = new Button(texts.get("action.cancel"));
        cancel.setOnAction(e -> onCancel.run());
        VBox fields = new VBox(
                10,
                title,
                row("channels.field.name", name),
                row("channels.field.type", type),
                row("channels.field.baseUrl", baseUrl),
                row("channels.field.key", key),
                keyHint,
                apiVersionRow,
                regionRow,
                row("channels.field.models", models),
                row("channels.field.groups", groups),
                new HBox(10, row("channels.field.priority", priority), row("channels.field.weight", weight)),
                new HBox(8, save, cancel));
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        view = new VBox(scroll);
        view.getStyleClass().addAll("card", "side-panel");
        view.setPrefWidth(340);
        view.setMinWidth(300);
    }

    Node view() {
        return view;
    }

    void startNew() {
        editing = null;
        title.setText(texts.get("channels.add"));
        name.clear();
        type.setValue("openai");
        baseUrl.clear();
        key.clear();
        models.clear();
        groups.setText("default");
        priority.getValueFactory().setValue(0);
        weight.getValueFactory().setValue(1);
        apiVersion.clear();
        region.clear();
        adapt("openai");
    }

    void startEdit(ChannelRow row) {
        editing = row.json();
        JsonNode n = row.json();
        title.setText(texts.format("channels.edit", row.name()));
        name.setText(n.path("name").asText());
        type.setValue(n.path("type").asText());
        baseUrl.setText(n.path("base_url").asText(""));
        key.clear();
        models.setText(String.join(",", Formats.strings(n.path("models"))));
        groups.setText(String.join(",", Formats.strings(n.path("groups"))));
        priority.getValueFactory().setValue(n.path("priority").asInt());
        weight.getValueFactory().setValue(n.path("weight").asInt());
        apiVersion.setText(n.path("config").path("api_version").asText(""));
        region.setText(n.path("config").path("region").asText(""));
        adapt(type.getValue());
    }

    private void adapt(String t) {
        boolean versioned = "azure".equals(t) || "gemini".equals(t);
        show(apiVersionRow, versioned);
        show(regionRow, "bedrock".equals(t));
        baseUrl.setPromptText(
                switch (t == null ? "" : t) {
                    case "azure" -> "https://NAME.openai.azure.com";
                    case "anthropic" -> "https://api.anthropic.com";
                    case "gemini" -> "https://generativelanguage.googleapis.com";
                    case "bedrock" -> "https://bedrock-runtime.REGION.amazonaws.com";
                    case "qwen" -> "https://dashscope.aliyuncs.com/compatible-mode/v1";
                    default -> "https://api.openai.com/v1";
                });
        apiVersion.setPromptText("gemini".equals(t) ? "v1beta" : "2024-10-21");
        region.setPromptText("us-east-1");
        String hint = "bedrock".equals(t) ? texts.get("channels.keyHint.bedrock") : "";
        if (editing != null) {
            hint = (hint.isEmpty() ? "" : hint + " ")
                    + texts.format(
                            "channels.keyHint.keep", editing.path("key_hint").asText(""));
        }
        keyHint.setText(hint);
        show(keyHint, !hint.isEmpty());
    }

    private ObjectNode body() {
        ObjectNode b = Json.object();
        b.put("name", name.getText().strip());
        b.put("type", type.getValue());
        if (!baseUrl.getText().isBlank()) {
            b.put("base_url", baseUrl.getText().strip());
        }
        if (!key.getText().isBlank()) {
            b.put("key", key.getText().strip());
        }
        b.set("models", Json.mapper().valueToTree(Formats.list(models.getText())));
        b.set("groups", Json.mapper().valueToTree(Formats.list(groups.getText())));
        b.put("priority", priority.getValue());
        b.put("weight", weight.getValue());
        ObjectNode config = editing != null && editing.path("config").isObject()
                ? ((ObjectNode) editing.path("config")).deepCopy()
                : Json.object();
        setOrRemove(config, "api_version", apiVersionRow.isVisible() ? apiVersion.getText() : "");
        setOrRemove(config, "region", regionRow.isVisible() ? region.getText() : "");
        b.set("config", config);
        return b;
    }

    private static void setOrRemove(ObjectNode config, String field, String value) {
        if (value == null || value.isBlank()) {
            config.remove(field);
        } else {
            config.put(field, value.strip());
        }
    }

    private VBox row(String labelKey, Control input) {
        return Forms.row(texts.get(labelKey), input);
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
