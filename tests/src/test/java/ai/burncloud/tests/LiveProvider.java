package ai.burncloud.tests;

/**
 * One real provider account the live suite may use: the channel to add for it and the models to call.
 *
 * @param name the provider's name in reports and fixture folders (openai, anthropic, …)
 * @param channelType the BurnCloud channel type
 * @param key the upstream credential, never printed
 * @param baseUrl the provider's address, or null for the channel type's default
 * @param config the channel's {@code config} object as JSON, or null
 * @param chatModel the model for chat, streaming, tools and the Anthropic and Gemini doors
 * @param embeddingModel the model for embeddings, or null when the provider has none
 * @param recordable whether a recording proxy may stand between the gateway and the provider (not for
 *     SigV4-signed Bedrock: the signature covers the host)
 */
record LiveProvider(
        String name,
        String channelType,
        String key,
        String baseUrl,
        String config,
        String chatModel,
        String embeddingModel,
        boolean recordable) {

    LiveProvider withBaseUrl(String url) {
        return new LiveProvider(name, channelType, key, url, config, chatModel, embeddingModel, recordable);
    }

    @Override
    public String toString() {
        return name + " (" + chatModel + ")";
    }
}
