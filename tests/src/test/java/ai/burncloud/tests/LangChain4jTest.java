package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's OpenAI integration (whose default JDK HTTP client may send {@code Upgrade: h2c}) against
 * the gateway.
 */
class LangChain4jTest {
    private static FakeUpstream upstream;
    private static RunningGateway gw;
    private static String key;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start();
        gw = RunningGateway.start();
        gw.addChannel(
                "openai", "openai", upstream.baseUrl() + "/v1", List.of("gpt-4o", "text-embedding-ada-002"), null);
        gw.price("gpt-4o", "2.5", "10");
        gw.price("text-embedding-ada-002", "0.1", "0");
        key = gw.token();
        gw.sync();
    }

    @AfterAll
    static void stop() {
        gw.close();
        upstream.close();
    }

    private static OpenAiChatModel chat(String apiKey, String model) {
        return OpenAiChatModel.builder()
                .baseUrl(gw.openAiBaseUrl())
                .apiKey(apiKey)
                .modelName(model)
                .maxRetries(0)
                .build();
    }

    @Test
    void chat() {
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        assertThat(chat(key, "gpt-4o").chat("Hello!")).isEqualTo("Hello! How can I assist you today?");
    }

    @Test
    void streamingChat() throws Exception {
        upstream.enqueue(Reply.stream(
                Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse"), "text/event-stream", 120, 0));
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(gw.openAiBaseUrl())
                .apiKey(key)
                .modelName("gpt-4o")
                .build();
        StringBuilder partial = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat("What's the weather in SF?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                partial.append(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(20, TimeUnit.SECONDS);
        assertThat(partial.toString()).contains("San Francisco");
        assertThat(response.aiMessage().text()).isEqualTo(partial.toString());
        assertThat(gw.logs().get(0).completionTokens()).isEqualTo(30);
    }

    @Test
    void embeddings() {
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/embeddings.openapi-spec-example.json")));
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(gw.openAiBaseUrl())
                .apiKey(key)
                .modelName("text-embedding-ada-002")
                .maxRetries(0)
                .build();
        assertThat(model.embed("The food was delicious").content().vector()).hasSize(3);
    }

    @Test
    void errorsMapToLangChain4jExceptions() {
        assertThatThrownBy(() -> chat("sk-wrong", "gpt-4o").chat("hi")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> chat(key, "no-such-model").chat("hi")).isInstanceOf(ModelNotFoundException.class);
    }
}
