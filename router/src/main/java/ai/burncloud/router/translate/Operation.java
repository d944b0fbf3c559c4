package ai.burncloud.router.translate;

/** What a client asked for, independent of which upstream will serve it. */
public enum Operation {
    // OpenAI front door
    CHAT_COMPLETIONS("/v1/chat/completions", ClientApi.OPENAI),
    COMPLETIONS("/v1/completions", ClientApi.OPENAI),
    EMBEDDINGS("/v1/embeddings", ClientApi.OPENAI),
    RESPONSES("/v1/responses", ClientApi.OPENAI),
    IMAGES_GENERATIONS("/v1/images/generations", ClientApi.OPENAI),
    AUDIO_SPEECH("/v1/audio/speech", ClientApi.OPENAI),
    AUDIO_TRANSCRIPTIONS("/v1/audio/transcriptions", ClientApi.OPENAI),
    MODERATIONS("/v1/moderations", ClientApi.OPENAI),
    // Anthropic front door
    MESSAGES("/v1/messages", ClientApi.ANTHROPIC),
    COUNT_TOKENS("/v1/messages/count_tokens", ClientApi.ANTHROPIC),
    // Gemini front door (model in the path)
    GENERATE_CONTENT(":generateContent", ClientApi.GEMINI),
    STREAM_GENERATE_CONTENT(":streamGenerateContent", ClientApi.GEMINI),
    EMBED_CONTENT(":embedContent", ClientApi.GEMINI),
    BATCH_EMBED_CONTENTS(":batchEmbedContents", ClientApi.GEMINI),
    COUNT_TOKENS_GEMINI(":countTokens", ClientApi.GEMINI);

    private final String pathOrSuffix;
    private final ClientApi api;

    Operation(String pathOrSuffix, ClientApi api) {
        this.pathOrSuffix = pathOrSuffix;
        this.api = api;
    }

    /** The OpenAI/Anthropic path, or the Gemini method suffix. */
    public String pathOrSuffix() {
        return pathOrSuffix;
    }

    public ClientApi api() {
        return api;
    }
}
