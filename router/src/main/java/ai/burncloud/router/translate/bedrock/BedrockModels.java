package ai.burncloud.router.translate.bedrock;

import java.util.Locale;

/** What a Bedrock model id says about the model behind it. */
public final class BedrockModels {
    private BedrockModels() {}

    /**
     * Whether the id names an Anthropic Claude model: {@code anthropic.claude-…}, a cross-region
     * inference profile such as {@code us.anthropic.claude-…}, or an ARN that contains one.
     */
    public static boolean isClaude(String modelId) {
        if (modelId == null) {
            return false;
        }
        String id = modelId.toLowerCase(Locale.ROOT);
        return id.startsWith("anthropic.") || id.contains(".anthropic.") || id.contains("/anthropic.");
    }
}
