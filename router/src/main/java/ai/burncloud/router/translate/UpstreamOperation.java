package ai.burncloud.router.translate;

/**
 * The operation to call on the upstream, in its own terms. A provider turns it into a URL:
 * OpenAI-dialect operations carry the path after the base URL; the others are named calls.
 */
public enum UpstreamOperation {
    OPENAI_CHAT_COMPLETIONS("/chat/completions"),
    OPENAI_COMPLETIONS("/completions"),
    OPENAI_EMBEDDINGS("/embeddings"),
    OPENAI_RESPONSES("/responses"),
    OPENAI_IMAGES_GENERATIONS("/images/generations"),
    OPENAI_AUDIO_SPEECH("/audio/speech"),
    OPENAI_AUDIO_TRANSCRIPTIONS("/audio/transcriptions"),
    OPENAI_MODERATIONS("/moderations"),
    ANTHROPIC_MESSAGES("/v1/messages"),
    ANTHROPIC_COUNT_TOKENS("/v1/messages/count_tokens"),
    GEMINI_GENERATE_CONTENT(":generateContent"),
    GEMINI_STREAM_GENERATE_CONTENT(":streamGenerateContent"),
    GEMINI_EMBED_CONTENT(":embedContent"),
    GEMINI_BATCH_EMBED_CONTENTS(":batchEmbedContents"),
    GEMINI_COUNT_TOKENS(":countTokens"),
    BEDROCK_CONVERSE("/converse"),
    BEDROCK_CONVERSE_STREAM("/converse-stream"),
    /** InvokeModel with the model's native body (Claude's Messages body on Bedrock). */
    BEDROCK_INVOKE("/invoke"),
    BEDROCK_INVOKE_STREAM("/invoke-with-response-stream");

    private final String pathOrSuffix;

    UpstreamOperation(String pathOrSuffix) {
        this.pathOrSuffix = pathOrSuffix;
    }

    public String pathOrSuffix() {
        return pathOrSuffix;
    }
}
