package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, unchanged but for its base URL, against the gateway. */
class OpenAiJavaSdkTest {
    private static FakeUpstream upstream;
    private static FakeUpstream gemini;
    private static RunningGateway gw;
    private static String key;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start();
        gw = RunningGateway.start();
        gw.addChannel(
                "openai",
                "openai",
                upstream.baseUrl() + "/v1",
                List.of("gpt-4o", "gpt-4o-mini", "text-embedding-ada-002"),
                null);
        gw.price("gpt-4o", "2.5", "10");
        gw.price("gpt-4o-mini", "0.15", "0.6");
        gw.price("text-embedding-ada-002", "0.1", "0");
        gemini = FakeUpstream.start();
        gw.addChannel("gemini", "gemini", gemini.baseUrl(), List.of("text-embedding-004"), null);
        gw.price("text-embedding-004", "0.1", "0");
        key = gw.token();
        gw.sync();
        client = OpenAIOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(gw.openAiBaseUrl())
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gw.close();
        upstream.close();
        gemini.close();
    }

    @BeforeEach
    void reset() {
        upstream.clear();
        gemini.clear();
    }

    private static ChatCompletionCreateParams.Builder chat(String text) {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage(text);
    }

    @Test
    void chatCompletion() {
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));

        ChatCompletion completion =
                client.chat().completions().create(chat("Hello!").build());

        assertThat(completion.choices().get(0).message().content()).contains("Hello! How can I assist you today?");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(19);
        assertThat(upstream.received().get(0).headers().get("authorization")).isEqualTo("Bearer sk-upstream-openai");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(19);
        assertThat(log.completionTokens()).isEqualTo(10);
        assertThat(log.cost()).isEqualTo(19 * 2_500L + 10 * 10_000L);
    }

    @Test
    void streamingWithIncludeUsage() {
        upstream.enqueue(Reply.stream(
                Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse"), "text/event-stream", 100, 0));
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(chat("What's the weather like in SF?")
                        .streamOptions(ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            stream.stream().forEach(chunks::add);
        }
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
        assertThat(text.toString()).contains("San Francisco");
        assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().completionTokens())
                .isEqualTo(30);
        assertThat(gw.logs().get(0).completionTokens()).isEqualTo(30);
    }

    @Test
    void streamingWithoutIncludeUsageIsStillBilledButShowsNoUsage() {
        upstream.enqueue(Reply.stream(
                Fixtures.bytes("openai/chat-stream-include-usage.logprobs-say-foo.sse"), "text/event-stream", 64, 0));
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(chat("Say foo").build())) {
            stream.stream().forEach(chunks::add);
        }
        assertThat(chunks).isNotEmpty().allSatisfy(c -> assertThat(c.usage()).isEmpty());
        assertThat(chunks).allSatisfy(c -> assertThat(c.choices()).isNotEmpty());
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(9);
        assertThat(log.completionTokens()).isEqualTo(2);
        assertThat(log.estimated()).isFalse();
    }

    @Test
    void toolCallsStreamAndNonStream() {
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion-tool-call.openapi-spec-example.json")));
        FunctionDefinition weather = FunctionDefinition.builder()
                .name("get_current_weather")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty(
                                "properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                        .build())
                .build();
        ChatCompletion c = client.chat()
                .completions()
                .create(chat("Weather in Boston?").addFunctionTool(weather).build());
        var call = c.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_current_weather");
        assertThat(Json.parse(call.function().arguments()).path("location").asText())
                .isEqualTo("Boston, MA");
        assertThat(Json.parse(upstream.received().get(0).bodyText())
                        .path("tools")
                        .get(0)
                        .path("function")
                        .path("name")
                        .asText())
                .isEqualTo("get_current_weather");

        upstream.enqueue(Reply.stream(
                Fixtures.bytes("openai/chat-stream-include-usage.tool-call.sse"), "text/event-stream", 80, 0));
        StringBuilder args = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(
                        chat("Weather in Edinburgh?").addFunctionTool(weather).build())) {
            stream.stream()
                    .forEach(ch -> ch.choices()
                            .forEach(choice -> choice.delta()
                                    .toolCalls()
                                    .ifPresent(calls -> calls.forEach(tc -> tc.function()
                                            .flatMap(f -> f.arguments())
                                            .ifPresent(args::append)))));
        }
        assertThat(Json.parse(args.toString()).path("city").asText()).isNotBlank();
    }

    @Test
    void embeddings() {
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/embeddings.openapi-spec-example.json")));
        CreateEmbeddingResponse res = client.embeddings()
                .create(EmbeddingCreateParams.builder()
                        .model("text-embedding-ada-002")
                        .input("The food was delicious")
                        .build());
        assertThat(res.data().get(0).embedding()).hasSize(3);
        assertThat(res.usage().promptTokens()).isEqualTo(8);
        assertThat(gw.logs().get(0).cost()).isEqualTo(800L);
    }

    /**
     * Gemini's embedding answers carry no token count (the shape of {@code EmbedContentResponse} in the
     * spec copy). The SDK must be shown the tokens the request is billed for, not 0 next to a charge.
     */
    @Test
    void embeddingsThroughAGeminiChannelShowTheTokensTheyAreBilledFor() {
        gemini.enqueue(Reply.json(200, "{\"embedding\":{\"values\":[0.013168523,-0.008711934,-0.046782676]}}"));
        CreateEmbeddingResponse res = client.embeddings()
                .create(EmbeddingCreateParams.builder()
                        .model("text-embedding-004")
                        .input("The food was delicious and the waiter was friendly")
                        .build());
        assertThat(res.data().get(0).embedding()).hasSize(3);
        assertThat(gemini.received().get(0).uri()).isEqualTo("/v1beta/models/text-embedding-004:embedContent");
        RequestLog log = gw.logs().get(0);
        assertThat(log.estimated()).isTrue();
        assertThat(log.promptTokens()).isGreaterThan(5);
        assertThat(res.usage().promptTokens()).isEqualTo(log.promptTokens());
        assertThat(res.usage().totalTokens()).isEqualTo(log.promptTokens());
        assertThat(log.cost()).isEqualTo(log.promptTokens() * 100L);
    }

    @Test
    void modelsList() {
        List<String> ids = new ArrayList<>();
        client.models().list().autoPager().forEach((Model m) -> ids.add(m.id()));
        assertThat(ids)
                .containsExactlyInAnyOrder("gpt-4o", "gpt-4o-mini", "text-embedding-ada-002", "text-embedding-004");
        assertThat(client.models().retrieve("gpt-4o").id()).isEqualTo("gpt-4o");
        assertThatThrownBy(() -> client.models().retrieve("gpt-5")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void errorsBecomeTheSdksExceptionTypes() {
        OpenAIClient wrongKey = OpenAIOkHttpClient.builder()
                .apiKey("sk-wrong")
                .baseUrl(gw.openAiBaseUrl())
                .maxRetries(0)
                .build();
        assertThatThrownBy(() -> wrongKey.chat().completions().create(chat("hi").build()))
                .isInstanceOfSatisfying(
                        UnauthorizedException.class, e -> assertThat(e.code()).contains("invalid_token"));
        wrongKey.close();

        assertThatThrownBy(() -> client.chat()
                        .completions()
                        .create(chat("hi").model("gpt-5").build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).contains("model_not_found"));

        String limited = new ai.burncloud.service.TokenAdmin(gw.app().repositories())
                .create(new ai.burncloud.service.TokenRequest(
                        "limited", null, null, null, List.of("gpt-4o-mini"), null, 1))
                .key();
        gw.sync();
        OpenAIClient limitedClient = OpenAIOkHttpClient.builder()
                .apiKey(limited)
                .baseUrl(gw.openAiBaseUrl())
                .maxRetries(0)
                .build();
        assertThatThrownBy(() ->
                        limitedClient.chat().completions().create(chat("hi").build()))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.code()).contains("permission_denied"));
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        limitedClient
                .chat()
                .completions()
                .create(chat("hi").model("gpt-4o-mini").build());
        assertThatThrownBy(() -> limitedClient
                        .chat()
                        .completions()
                        .create(chat("hi").model("gpt-4o-mini").build()))
                .isInstanceOfSatisfying(
                        RateLimitException.class, e -> assertThat(e.code()).contains("rate_limit_exceeded"));
        limitedClient.close();

        String poor = gw.token("0.000001");
        gw.sync();
        OpenAIClient poorClient = OpenAIOkHttpClient.builder()
                .apiKey(poor)
                .baseUrl(gw.openAiBaseUrl())
                .maxRetries(0)
                .build();
        assertThatThrownBy(
                        () -> poorClient.chat().completions().create(chat("hi").build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(402);
                    assertThat(e.code()).contains("insufficient_quota");
                });
        poorClient.close();

        upstream.enqueue(Reply.json(
                400,
                "{\"error\":{\"message\":\"Invalid 'messages'\",\"type\":\"invalid_request_error\",\"code\":null}}"));
        assertThatThrownBy(() -> client.chat().completions().create(chat("hi").build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Invalid 'messages'");

        upstream.always(Reply.json(500, "{\"error\":{\"message\":\"upstream broke\",\"type\":\"server_error\"}}"));
        assertThatThrownBy(() -> client.chat().completions().create(chat("hi").build()))
                .isInstanceOf(InternalServerException.class);
        upstream.always(Reply.json(500, "{}"));
    }
}
