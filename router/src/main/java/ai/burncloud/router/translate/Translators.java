package ai.burncloud.router.translate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The translator for each (client API, upstream dialect) pair. Immutable once built. */
public final class Translators {
    private final Map<ClientApi, Map<UpstreamDialect, Translator>> pairs;

    private Translators(Map<ClientApi, Map<UpstreamDialect, Translator>> pairs) {
        this.pairs = pairs;
    }

    /** Every pair this build supports. */
    public static Translators standard() {
        Map<ClientApi, Map<UpstreamDialect, Translator>> pairs = new EnumMap<>(ClientApi.class);
        for (ClientApi api : ClientApi.values()) {
            pairs.put(api, new EnumMap<>(UpstreamDialect.class));
        }
        pairs.get(ClientApi.OPENAI)
                .put(UpstreamDialect.OPENAI, new ai.burncloud.router.translate.openai.OpenAiPassthroughTranslator());
        return new Translators(pairs);
    }

    public Optional<Translator> forPair(ClientApi api, UpstreamDialect dialect) {
        return Optional.ofNullable(pairs.get(api).get(dialect));
    }
}
