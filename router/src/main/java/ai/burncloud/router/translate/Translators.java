package ai.burncloud.router.translate;

import ai.burncloud.router.translate.anthropic.AnthropicPassthroughTranslator;
import ai.burncloud.router.translate.anthropic.AnthropicToOpenAiTranslator;
import ai.burncloud.router.translate.anthropic.GeminiToAnthropicTranslator;
import ai.burncloud.router.translate.anthropic.OpenAiToAnthropicTranslator;
import ai.burncloud.router.translate.bedrock.AnthropicToBedrockTranslator;
import ai.burncloud.router.translate.bedrock.GeminiToBedrockTranslator;
import ai.burncloud.router.translate.bedrock.OpenAiToBedrockTranslator;
import ai.burncloud.router.translate.gemini.AnthropicToGeminiTranslator;
import ai.burncloud.router.translate.gemini.GeminiPassthroughTranslator;
import ai.burncloud.router.translate.gemini.GeminiToOpenAiTranslator;
import ai.burncloud.router.translate.gemini.OpenAiToGeminiTranslator;
import ai.burncloud.router.translate.openai.OpenAiToOpenAiTranslator;
import java.time.Clock;
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
        return standard(Clock.systemUTC());
    }

    /** @param clock stamps the {@code created} time of OpenAI-shaped answers written by the gateway */
    public static Translators standard(Clock clock) {
        Map<ClientApi, Map<UpstreamDialect, Translator>> pairs = new EnumMap<>(ClientApi.class);
        for (ClientApi api : ClientApi.values()) {
            pairs.put(api, new EnumMap<>(UpstreamDialect.class));
        }
        Map<UpstreamDialect, Translator> openAi = pairs.get(ClientApi.OPENAI);
        openAi.put(UpstreamDialect.OPENAI, new OpenAiToOpenAiTranslator(clock));
        openAi.put(UpstreamDialect.ANTHROPIC, new OpenAiToAnthropicTranslator(clock));
        openAi.put(UpstreamDialect.GEMINI, new OpenAiToGeminiTranslator(clock));
        openAi.put(UpstreamDialect.BEDROCK_CONVERSE, new OpenAiToBedrockTranslator(clock));
        Map<UpstreamDialect, Translator> anthropic = pairs.get(ClientApi.ANTHROPIC);
        anthropic.put(UpstreamDialect.ANTHROPIC, new AnthropicPassthroughTranslator());
        anthropic.put(UpstreamDialect.OPENAI, new AnthropicToOpenAiTranslator());
        anthropic.put(UpstreamDialect.GEMINI, new AnthropicToGeminiTranslator());
        anthropic.put(UpstreamDialect.BEDROCK_CONVERSE, new AnthropicToBedrockTranslator());
        Map<UpstreamDialect, Translator> gemini = pairs.get(ClientApi.GEMINI);
        gemini.put(UpstreamDialect.GEMINI, new GeminiPassthroughTranslator());
        gemini.put(UpstreamDialect.OPENAI, new GeminiToOpenAiTranslator());
        gemini.put(UpstreamDialect.ANTHROPIC, new GeminiToAnthropicTranslator());
        gemini.put(UpstreamDialect.BEDROCK_CONVERSE, new GeminiToBedrockTranslator());
        for (Map<UpstreamDialect, Translator> byDialect : pairs.values()) {
            byDialect.replaceAll((d, t) -> new ShapeGuardedTranslator(t));
        }
        return new Translators(pairs);
    }

    /** The same pairs with every translator passed through {@code wrap} (tests make one fail on purpose). */
    public Translators wrapped(java.util.function.UnaryOperator<Translator> wrap) {
        Map<ClientApi, Map<UpstreamDialect, Translator>> copy = new EnumMap<>(ClientApi.class);
        pairs.forEach((api, byDialect) -> {
            Map<UpstreamDialect, Translator> m = new EnumMap<>(UpstreamDialect.class);
            byDialect.forEach((dialect, t) -> m.put(dialect, wrap.apply(t)));
            copy.put(api, m);
        });
        return new Translators(copy);
    }

    public Optional<Translator> forPair(ClientApi api, UpstreamDialect dialect) {
        return Optional.ofNullable(pairs.get(api).get(dialect));
    }
}
