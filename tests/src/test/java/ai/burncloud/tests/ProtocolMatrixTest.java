package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "All to OpenAI" and back: the official OpenAI SDK reaching Anthropic, Gemini, Azure, Bedrock and Qwen
 * channels, and the official Anthropic SDK reaching OpenAI and Anthropic channels through
 * /v1/messages. Every upstream is a fake replaying recorded traffic; every log row must carry the
 * upstream's own usage.
 */
class ProtocolMatrixTest {
    private static FakeUpstream anthropic;
    private static FakeUpstream gemini;
    private static FakeUpstream azure;
    private static FakeUpstream bedrock;
    private static FakeUpstream qwen;
    private static FakeUpstream openai;
    private static RunningGateway gw;
    private static String key;
    private static OpenAIClient openAiSdk;
    private static AnthropicClient anthropicSdk;

    @BeforeAll
    static void start() {
        anthropic = FakeUpstream.start();
        gemini = FakeUpstream.start();
        azure = FakeUpstream.start();
        bedrock = FakeUpstream.start();
        qwen = FakeUpstream.start();
        openai = FakeUpstream.start();
        gw = RunningGateway.start();
        gw.addChannel("claude", "anthropic", anthropic.baseUrl(), List.of("claude-sonnet-4-5"), null);
        gw.addChannel("gemini", "gemini", gemini.baseUrl(), List.of("gemini-2.0-flash"), null);
        gw.addChannel(
                "azure",
                "azure",
                azure.baseUrl(),
                "azure-key",
                List.of("gpt-4o-azure"),
                "{\"api_version\":\"2024-10-21\"}");
        gw.addChannel(
                "bedrock",
                "bedrock",
                bedrock.baseUrl(),
                "AKIDEXAMPLE|wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                List.of("anthropic.claude-3-haiku-20240307-v1:0"),
                "{\"region\":\"us-east-1\"}");
        gw.addChannel("qwen", "qwen", qwen.baseUrl() + "/compatible-mode/v1", List.of("qwen-vl-plus"), null);
        gw.addChannel("openai", "openai", openai.baseUrl() + "/v1", List.of("gpt-4o"), null);
        for (String m : List.of(
                "claude-sonnet-4-5",
                "gemini-2.0-flash",
                "gpt-4o-azure",
                "anthropic.claude-3-haiku-20240307-v1:0",
                "qwen-vl-plus",
                "gpt-4o")) {
            gw.price(m, "1", "2");
        }
        key = gw.token();
        gw.sync();
        openAiSdk = OpenAIOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(gw.openAiBaseUrl())
                .maxRetries(0)
                .build();
        anthropicSdk = AnthropicOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(gw.baseUrl())
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        openAiSdk.close();
        anthropicSdk.close();
        gw.close();
        for (FakeUpstream f : List.of(anthropic, gemini, azure, bedrock, qwen, openai)) {
            f.close();
        }
    }

    @BeforeEach
    void reset() {
        for (FakeUpstream f : List.of(anthropic, gemini, azure, bedrock, qwen, openai)) {
            f.clear();
        }
    }

    /** Streams a chat through the OpenAI SDK and returns the concatenated text. */
    private static String streamText(String model) {
        StringBuilder text = new StringBuilder();
        try (var stream = openAiSdk
                .chat()
                .completions()
                .createStreaming(ChatCompletionCreateParams.builder()
                        .model(model)
                        .addUserMessage("Why is the sky blue?")
                        .build())) {
            stream.stream()
                    .forEach((ChatCompletionChunk c) ->
                            c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
        }
        return text.toString();
    }

    @Test
    void openAiSdkToAnthropicStreaming() {
        anthropic.enqueue(Reply.stream(
                Fixtures.bytes("anthropic/messages-stream.recorded-real.sse"), "text/event-stream", 90, 0));
        assertThat(streamText("claude-sonnet-4-5")).isNotBlank();
        FakeUpstream.Received sent = anthropic.received().get(0);
        assertThat(sent.uri()).isEqualTo("/v1/messages");
        assertThat(sent.headers().get("x-api-key")).isEqualTo("sk-upstream-claude");
        assertThat(sent.headers().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.headers().get("authorization")).isNull();
        var body = Json.parse(sent.bodyText());
        assertThat(body.path("max_tokens").asInt()).isPositive();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(135);
        assertThat(log.completionTokens()).isEqualTo(10);
        assertThat(log.estimated()).isFalse();
    }

    @Test
    void openAiSdkToAnthropicNonStream() {
        anthropic.enqueue(Reply.json(200, Fixtures.text("anthropic/message.openapi-spec-example.json")));
        ChatCompletion c = openAiSdk
                .chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .addSystemMessage("Be brief.")
                        .addUserMessage("Who are you?")
                        .build());
        assertThat(c.choices().get(0).message().content()).contains("Hi! My name is Claude.");
        assertThat(c.choices().get(0).finishReason().asString()).isEqualTo("stop");
        assertThat(Json.parse(anthropic.received().get(0).bodyText())
                        .path("system")
                        .toString())
                .contains("Be brief.");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(2095);
        assertThat(log.completionTokens()).isEqualTo(503);
        assertThat(log.cost()).isEqualTo(2095 * 1000L + 503 * 2000L);
    }

    @Test
    void openAiSdkToGeminiStreaming() {
        gemini.enqueue(Reply.stream(
                Fixtures.bytes("gemini/streamGenerateContent-alt-sse.text.sse"), "text/event-stream", 333, 0));
        assertThat(streamText("gemini-2.0-flash")).contains("blue");
        FakeUpstream.Received sent = gemini.received().get(0);
        assertThat(sent.uri()).isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
        assertThat(sent.headers().get("x-goog-api-key")).isEqualTo("sk-upstream-gemini");
        RequestLog log = gw.logs().get(0);
        // the last chunk is authoritative (earlier chunks said 7 prompt tokens)
        assertThat(log.promptTokens()).isEqualTo(6);
        assertThat(log.completionTokens()).isEqualTo(377);
    }

    @Test
    void openAiSdkToAzureStreamingSurvivesTheFilterChunk() {
        azure.enqueue(Reply.stream(Fixtures.bytes("azure/chat-stream.recorded-real.sse"), "text/event-stream", 200, 0));
        assertThat(streamText("gpt-4o-azure")).isNotBlank();
        FakeUpstream.Received sent = azure.received().get(0);
        assertThat(sent.uri()).isEqualTo("/openai/deployments/gpt-4o-azure/chat/completions?api-version=2024-10-21");
        assertThat(sent.headers().get("api-key")).isEqualTo("azure-key");
        RequestLog log = gw.logs().get(0);
        // this recording carries no usage chunk: the row is counted locally and says so
        assertThat(log.estimated()).isTrue();
        assertThat(log.completionTokens()).isPositive();
        assertThat(log.settlement()).isEqualTo("completed");
    }

    @Test
    void openAiSdkToBedrockConverseStream() {
        bedrock.enqueue(Reply.stream(
                Fixtures.bytes("bedrock/converse-stream.text.eventstream.bin"),
                "application/vnd.amazon.eventstream",
                37,
                0));
        assertThat(streamText("anthropic.claude-3-haiku-20240307-v1:0")).isNotBlank();
        FakeUpstream.Received sent = bedrock.received().get(0);
        assertThat(sent.uri()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream");
        assertThat(sent.headers().get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
        assertThat(sent.headers().get("x-amz-date")).isNotBlank();
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(11);
        assertThat(log.completionTokens()).isEqualTo(6);
    }

    @Test
    void openAiSdkToBedrockThrottledMidStreamEndsWithAnError() {
        bedrock.enqueue(Reply.stream(
                Fixtures.bytes("bedrock/converse-stream.throttling-midstream.eventstream.bin"),
                "application/vnd.amazon.eventstream",
                64,
                0));
        assertThatThrownBy(() -> streamText("anthropic.claude-3-haiku-20240307-v1:0"))
                .isInstanceOf(RuntimeException.class);
        RequestLog log = gw.logs().get(0);
        // text had already reached the client when the throttling frame came: no retry, an error event
        assertThat(log.settlement()).isEqualTo("upstream_error_midstream");
        assertThat(log.errorCode()).isEqualTo("throttlingException");
    }

    @Test
    void openAiSdkToQwenCompatibleMode() {
        qwen.enqueue(Reply.stream(
                Fixtures.bytes("dashscope/compatible-mode-chat-stream-include-usage.doc-example.sse"),
                "text/event-stream",
                150,
                0));
        assertThat(streamText("qwen-vl-plus")).isNotBlank();
        assertThat(qwen.received().get(0).uri()).isEqualTo("/compatible-mode/v1/chat/completions");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(1276);
        assertThat(log.completionTokens()).isEqualTo(79);
    }

    @Test
    void anthropicSdkToAnAnthropicChannelIsPassthrough() {
        anthropic.enqueue(Reply.json(200, Fixtures.text("anthropic/message.openapi-spec-example.json")));
        Message m = anthropicSdk
                .messages()
                .create(MessageCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .maxTokens(1024)
                        .addUserMessage("Hello, Claude")
                        .build());
        assertThat(m.content().get(0).text().orElseThrow().text()).isEqualTo("Hi! My name is Claude.");
        FakeUpstream.Received sent = anthropic.received().get(0);
        // the SDK sent Authorization: Bearer with the gateway key; the upstream sees only the channel's key
        assertThat(sent.headers().get("x-api-key")).isEqualTo("sk-upstream-claude");
        assertThat(sent.bodyText()).doesNotContain(key);
        assertThat(gw.logs().get(0).promptTokens()).isEqualTo(2095);
    }

    @Test
    void anthropicSdkStreamingToAnAnthropicChannel() {
        anthropic.enqueue(Reply.stream(
                Fixtures.bytes("anthropic/messages-stream.recorded-real.sse"), "text/event-stream", 77, 0));
        StringBuilder text = new StringBuilder();
        try (StreamResponse<RawMessageStreamEvent> s = anthropicSdk
                .messages()
                .createStreaming(MessageCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .maxTokens(1024)
                        .addUserMessage("Hello")
                        .build())) {
            s.stream()
                    .forEach(e ->
                            e.contentBlockDelta().flatMap(d -> d.delta().text()).ifPresent(t -> text.append(t.text())));
        }
        assertThat(text.toString()).isNotBlank();
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(135);
        assertThat(log.completionTokens()).isEqualTo(10);
    }

    @Test
    void anthropicSdkToAnOpenAiChannelIsTranslated() {
        openai.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        Message m = anthropicSdk
                .messages()
                .create(MessageCreateParams.builder()
                        .model("gpt-4o")
                        .maxTokens(256)
                        .system("You are helpful.")
                        .addUserMessage("Hello!")
                        .build());
        assertThat(m.content().get(0).text().orElseThrow().text()).isEqualTo("Hello! How can I assist you today?");
        assertThat(m.usage().inputTokens()).isEqualTo(19);
        var sent = Json.parse(openai.received().get(0).bodyText());
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(openai.received().get(0).headers().get("authorization")).isEqualTo("Bearer sk-upstream-openai");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(19);
        assertThat(log.completionTokens()).isEqualTo(10);
    }

    @Test
    void anthropicSdkStreamingToAnOpenAiChannel() {
        openai.enqueue(Reply.stream(
                Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse"), "text/event-stream", 100, 0));
        StringBuilder text = new StringBuilder();
        try (StreamResponse<RawMessageStreamEvent> s = anthropicSdk
                .messages()
                .createStreaming(MessageCreateParams.builder()
                        .model("gpt-4o")
                        .maxTokens(256)
                        .addUserMessage("Weather in SF?")
                        .build())) {
            s.stream()
                    .forEach(e ->
                            e.contentBlockDelta().flatMap(d -> d.delta().text()).ifPresent(t -> text.append(t.text())));
        }
        assertThat(text.toString()).contains("San Francisco");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(14);
        assertThat(log.completionTokens()).isEqualTo(30);
    }

    /** A Gemini-native call as the Google Gen AI SDK makes it (raw HTTP: no Java SDK of Google's is used here). */
    private static java.net.http.HttpResponse<String> geminiCall(String path, String keyHeader, String body) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gw.baseUrl() + path))
                .header("content-type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (keyHeader != null) {
            b.header("x-goog-api-key", keyHeader);
        }
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String GEMINI_BODY =
            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Why is the sky blue?\"}]}]}";

    @Test
    void geminiFrontDoorPassesThroughToAGeminiChannel() {
        gemini.enqueue(Reply.stream(
                Fixtures.bytes("gemini/streamGenerateContent-alt-sse.text.sse"), "text/event-stream", 500, 0));
        // current @google/genai calls /v1/models/…; the key travels in x-goog-api-key
        var res = geminiCall("/v1/models/gemini-2.0-flash:streamGenerateContent?alt=sse", key, GEMINI_BODY);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("usageMetadata").contains("blue");
        assertThat(gemini.received().get(0).uri())
                .isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
        assertThat(gemini.received().get(0).headers().get("x-goog-api-key")).isEqualTo("sk-upstream-gemini");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(6);
        assertThat(log.completionTokens()).isEqualTo(377);
    }

    @Test
    void geminiFrontDoorReachesAnOpenAiChannel() {
        openai.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        // older clients: /v1beta and ?key=
        var res = geminiCall("/v1beta/models/gpt-4o:generateContent?key=" + key, null, GEMINI_BODY);
        assertThat(res.statusCode()).isEqualTo(200);
        var body = Json.parse(res.body());
        assertThat(body.path("candidates")
                        .get(0)
                        .path("content")
                        .path("parts")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("Hello! How can I assist you today?");
        assertThat(body.path("usageMetadata").path("promptTokenCount").asInt()).isEqualTo(19);
        assertThat(gw.logs().get(0).completionTokens()).isEqualTo(10);
    }

    @Test
    void geminiFrontDoorErrorsComeInGeminiShape() {
        var res = geminiCall("/v1beta/models/gemini-2.0-flash:generateContent", "sk-nope", GEMINI_BODY);
        assertThat(res.statusCode()).isEqualTo(401);
        var error = Json.parse(res.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(401);
        assertThat(error.path("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void anthropicEndpointErrorsComeInAnthropicShape() {
        AnthropicClient wrong = AnthropicOkHttpClient.builder()
                .apiKey("sk-nope")
                .baseUrl(gw.baseUrl())
                .maxRetries(0)
                .build();
        assertThatThrownBy(() -> wrong.messages()
                        .create(MessageCreateParams.builder()
                                .model("claude-sonnet-4-5")
                                .maxTokens(10)
                                .addUserMessage("hi")
                                .build()))
                .isInstanceOfSatisfying(
                        UnauthorizedException.class,
                        e -> assertThat(e.body().toString()).contains("authentication_error"));
        wrong.close();
    }
}
