package ai.burncloud.router.translate.ir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How an OpenAI-compatible upstream is asked for reasoning. OpenAI refuses {@code reasoning_effort}
 * on models that do not reason (gpt-4o answers 400), so by default it is sent only to the reasoning
 * families by name (o1/o3/o4…, gpt-5…, gpt-oss); the channel config's {@code reasoning_field} says
 * otherwise: {@code reasoning_effort} (always), {@code enable_thinking} (Qwen and vLLM hosts:
 * {@code enable_thinking} plus {@code thinking_budget}) or {@code none}.
 */
final class OpenAiReasoningField {
    private static final Pattern REASONING_MODELS = Pattern.compile("^(o\\d|gpt-5|gpt-oss).*");

    private OpenAiReasoningField() {}

    static void write(ReasoningSetting setting, String model, JsonNode config, ObjectNode root) {
        if (setting == null) {
            return;
        }
        String field = config == null ? null : Jsons.text(config, "reasoning_field");
        if (field == null) {
            field = isReasoningModel(model) ? "reasoning_effort" : "none";
        }
        switch (field) {
            case "reasoning_effort" -> {
                // "off" is not sent: it is the default of every model that can be off
                if (setting.isOn()) {
                    root.put("reasoning_effort", setting.asEffort().wire());
                }
            }
            case "enable_thinking" -> {
                root.put("enable_thinking", setting.isOn());
                if (setting.isOn() && setting.mode() != ReasoningSetting.Mode.DYNAMIC) {
                    root.put("thinking_budget", setting.asBudget());
                }
            }
            default -> {
                // "none": the host has no reasoning setting
            }
        }
    }

    static boolean isReasoningModel(String model) {
        if (model == null) {
            return false;
        }
        String m = model.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        return REASONING_MODELS.matcher(slash >= 0 ? m.substring(slash + 1) : m).matches();
    }
}
