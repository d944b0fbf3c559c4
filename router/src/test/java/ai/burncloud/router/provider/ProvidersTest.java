package ai.burncloud.router.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProvidersTest {
    private final Providers providers = Providers.standard();

    private static UpstreamTarget target(ChannelType type, String base, String model, String config) {
        return new UpstreamTarget(1, type, base, "key-123", model, false, Json.parse(config));
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of(
                        target(ChannelType.AZURE, "https://res.openai.azure.com", "gpt-4o-prod", "{}"),
                        UpstreamOperation.OPENAI_CHAT_COMPLETIONS,
                        "https://res.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21"),
                Arguments.of(
                        target(
                                ChannelType.AZURE,
                                "https://res.openai.azure.com/openai/",
                                "emb",
                                "{\"api_version\":\"2025-01-01-preview\"}"),
                        UpstreamOperation.OPENAI_EMBEDDINGS,
                        "https://res.openai.azure.com/openai/deployments/emb/embeddings?api-version=2025-01-01-preview"),
                // Azure serves the Responses API only on its v1 surface: a deployments path is a 404 there
                Arguments.of(
                        target(
                                ChannelType.AZURE,
                                "https://res.openai.azure.com/openai",
                                "gpt-4o-prod",
                                "{\"api_version\":\"2024-10-21\"}"),
                        UpstreamOperation.OPENAI_RESPONSES,
                        "https://res.openai.azure.com/openai/v1/responses"),
                Arguments.of(
                        target(
                                ChannelType.QWEN,
                                "https://dashscope.aliyuncs.com/compatible-mode/v1",
                                "qwen-plus",
                                "{}"),
                        UpstreamOperation.OPENAI_CHAT_COMPLETIONS,
                        "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
                Arguments.of(
                        target(ChannelType.ANTHROPIC, "https://api.anthropic.com", "claude", "{}"),
                        UpstreamOperation.ANTHROPIC_MESSAGES,
                        "https://api.anthropic.com/v1/messages"),
                Arguments.of(
                        target(ChannelType.ANTHROPIC, "https://proxy.example/v1/", "claude", "{}"),
                        UpstreamOperation.ANTHROPIC_COUNT_TOKENS,
                        "https://proxy.example/v1/messages/count_tokens"),
                Arguments.of(
                        target(
                                ChannelType.GEMINI,
                                "https://generativelanguage.googleapis.com",
                                "gemini-2.0-flash",
                                "{}"),
                        UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT,
                        "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"),
                Arguments.of(
                        target(
                                ChannelType.GEMINI,
                                "https://generativelanguage.googleapis.com",
                                "models/text-embedding-004",
                                "{}"),
                        UpstreamOperation.GEMINI_BATCH_EMBED_CONTENTS,
                        "https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:batchEmbedContents"),
                Arguments.of(
                        target(
                                ChannelType.GEMINI,
                                "https://generativelanguage.googleapis.com/v1",
                                "gemini-2.5-pro",
                                "{\"api_version\":\"v1\"}"),
                        UpstreamOperation.GEMINI_GENERATE_CONTENT,
                        "https://generativelanguage.googleapis.com/v1/models/gemini-2.5-pro:generateContent"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void buildsEachProvidersUrl(UpstreamTarget target, UpstreamOperation op, String expected) {
        assertThat(providers.forType(target.type()).url(target, op)).isEqualTo(expected);
    }

    @Test
    void eachProviderUsesItsOwnCredentialHeader() {
        assertThat(headers(target(ChannelType.AZURE, "https://r.openai.azure.com", "d", "{}"))
                        .get("api-key"))
                .isEqualTo("key-123");
        assertThat(headers(target(ChannelType.QWEN, "https://q", "m", "{}")).get("Authorization"))
                .isEqualTo("Bearer key-123");
        HttpHeaders anthropic = headers(target(ChannelType.ANTHROPIC, "https://a", "m", "{}"));
        assertThat(anthropic.get("x-api-key")).isEqualTo("key-123");
        assertThat(anthropic.get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(anthropic.contains("Authorization")).isFalse();
        assertThat(headers(target(ChannelType.ANTHROPIC, "https://a", "m", "{\"anthropic_version\":\"2024-01-01\"}"))
                        .get("anthropic-version"))
                .isEqualTo("2024-01-01");
        HttpHeaders gemini = headers(target(ChannelType.GEMINI, "https://g", "m", "{}"));
        assertThat(gemini.get("x-goog-api-key")).isEqualTo("key-123");
    }

    @Test
    void operationsAChannelCannotServeAreProgrammingErrors() {
        UpstreamTarget claude = target(ChannelType.ANTHROPIC, "https://a", "m", "{}");
        assertThatThrownBy(() ->
                        providers.forType(ChannelType.ANTHROPIC).url(claude, UpstreamOperation.OPENAI_CHAT_COMPLETIONS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpHeaders headers(UpstreamTarget t) {
        HttpHeaders h = new DefaultHttpHeaders();
        providers.forType(t.type()).authorize(t, "POST", "https://x/y", h, null);
        return h;
    }
}
