package ai.burncloud.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of upstream provider account an operator can add. Base URLs are written the way each
 * provider documents them; the router appends the operation path.
 */
public enum ChannelType {
    /** OpenAI and every OpenAI-compatible host; the base URL includes the version path. */
    OPENAI("openai", "https://api.openai.com/v1"),
    /** Azure OpenAI resource endpoint, e.g. https://NAME.openai.azure.com. */
    AZURE("azure", null),
    /** Anthropic host root; the router appends /v1/messages. */
    ANTHROPIC("anthropic", "https://api.anthropic.com"),
    /** Google Generative Language host root; the router appends /v1beta/models/... */
    GEMINI("gemini", "https://generativelanguage.googleapis.com"),
    /** AWS Bedrock runtime; defaults from the region in the channel config. */
    BEDROCK("bedrock", null),
    /** Alibaba DashScope in OpenAI-compatible mode. */
    QWEN("qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1");

    private final String id;
    private final String defaultBaseUrl;

    ChannelType(String id, String defaultBaseUrl) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    public String id() {
        return id;
    }

    public static ChannelType parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ChannelType t : values()) {
            if (t.id.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown channel type '" + text + "' (expected one of: " + ids() + ")");
    }

    public static String ids() {
        return Arrays.stream(values()).map(ChannelType::id).collect(Collectors.joining(", "));
    }

    /**
     * The base URL to store: the given one without trailing slashes, or this type's public default.
     *
     * @param config the channel's provider config (Bedrock reads "region" from it)
     * @throws IllegalArgumentException when no URL is given and the type has no default
     */
    public String resolveBaseUrl(String given, JsonNode config) {
        if (given != null && !given.isBlank()) {
            String url = given.trim();
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("base URL must start with http:// or https://: " + given);
            }
            return url;
        }
        if (this == BEDROCK) {
            String region = config == null ? null : config.path("region").asText(null);
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException(
                        "bedrock channels need --config '{\"region\":\"us-east-1\"}' or a --base-url");
            }
            return "https://bedrock-runtime." + region + ".amazonaws.com";
        }
        if (defaultBaseUrl == null) {
            throw new IllegalArgumentException(id + " channels need --base-url (e.g. https://NAME.openai.azure.com)");
        }
        return defaultBaseUrl;
    }
}
