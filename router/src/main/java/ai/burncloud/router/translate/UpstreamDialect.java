package ai.burncloud.router.translate;

import ai.burncloud.common.ChannelType;

/**
 * The wire format an upstream speaks. Several channel types share one dialect (OpenAI, Azure and
 * Qwen all speak OpenAI's); the URL and credentials differ and live in the providers.
 */
public enum UpstreamDialect {
    OPENAI,
    ANTHROPIC,
    GEMINI,
    BEDROCK_CONVERSE;

    public static UpstreamDialect of(ChannelType type) {
        return switch (type) {
            case OPENAI, AZURE, QWEN -> OPENAI;
            case ANTHROPIC -> ANTHROPIC;
            case GEMINI -> GEMINI;
            case BEDROCK -> BEDROCK_CONVERSE;
        };
    }

    /** The client API that speaks this dialect natively (for passthrough), or null. */
    public ClientApi nativeClientApi() {
        return switch (this) {
            case OPENAI -> ClientApi.OPENAI;
            case ANTHROPIC -> ClientApi.ANTHROPIC;
            case GEMINI -> ClientApi.GEMINI;
            case BEDROCK_CONVERSE -> null;
        };
    }
}
