package ai.burncloud.router.provider;

import ai.burncloud.common.ChannelType;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** The provider (URL and credentials) for each channel type. Immutable once built. */
public final class Providers {
    private final Map<ChannelType, UpstreamProvider> byType;

    private Providers(Map<ChannelType, UpstreamProvider> byType) {
        this.byType = byType;
    }

    public static Providers standard() {
        return standard(Clock.systemUTC());
    }

    /** @param clock the signing clock (SigV4 signatures carry the time) */
    public static Providers standard(Clock clock) {
        Map<ChannelType, UpstreamProvider> m = new EnumMap<>(ChannelType.class);
        OpenAiProvider openAi = new OpenAiProvider();
        m.put(ChannelType.OPENAI, openAi);
        m.put(ChannelType.QWEN, openAi); // DashScope's compatible mode is plain OpenAI at another base URL
        m.put(ChannelType.AZURE, new AzureProvider());
        m.put(ChannelType.ANTHROPIC, new AnthropicProvider());
        m.put(ChannelType.GEMINI, new GeminiProvider());
        m.put(ChannelType.BEDROCK, new BedrockProvider(clock));
        return new Providers(m);
    }

    public UpstreamProvider forType(ChannelType type) {
        UpstreamProvider p = byType.get(type);
        if (p == null) {
            throw new IllegalStateException("no provider for channel type " + type.id());
        }
        return p;
    }
}
