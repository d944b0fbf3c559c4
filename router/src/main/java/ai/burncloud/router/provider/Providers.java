package ai.burncloud.router.provider;

import ai.burncloud.common.ChannelType;
import java.util.EnumMap;
import java.util.Map;

/** The provider (URL and credentials) for each channel type. Immutable once built. */
public final class Providers {
    private final Map<ChannelType, UpstreamProvider> byType;

    private Providers(Map<ChannelType, UpstreamProvider> byType) {
        this.byType = byType;
    }

    public static Providers standard() {
        Map<ChannelType, UpstreamProvider> m = new EnumMap<>(ChannelType.class);
        OpenAiProvider openAi = new OpenAiProvider();
        m.put(ChannelType.OPENAI, openAi);
        m.put(ChannelType.QWEN, openAi);
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
