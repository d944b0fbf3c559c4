package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.Money;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiPassthroughTest {
    private FakeUpstream upstream;
    private GatewayFixture gw;
    private String key;

    @BeforeEach
    void setUp() {
        upstream = FakeUpstream.start();
        gw = GatewayFixture.start();
        gw.openAiChannel("primary", upstream, List.of("gpt-4o", "text-embedding-ada-002"), 0, 0);
        gw.price("gpt-4o", "2.5", "10");
        gw.price("text-embedding-ada-002", "0.1", "0");
        key = gw.rootToken();
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        upstream.close();
    }

    @Test
    void nonStreamChatIsForwardedAsTheClientsBytesAndBilledExactly() {
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        String body = "{\"model\": \"gpt-4o\",  \"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}";

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, body);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-request-id")).get().asString().startsWith("req_");
        assertThat(Json.parse(res.body())
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("Hello! How can I assist you today?");
        FakeUpstream.Received sent = upstream.received().get(0);
        assertThat(sent.uri()).isEqualTo("/v1/chat/completions");
        assertThat(sent.bodyText()).isEqualTo(body);
        assertThat(sent.headers().get("authorization")).isEqualTo("Bearer sk-upstream-primary");

        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(19);
        assertThat(log.completionTokens()).isEqualTo(10);
        assertThat(log.estimated()).isFalse();
        assertThat(log.settlement()).isEqualTo("completed");
        // 19 x $2.5/M + 10 x $10/M = 47.5 + 100 = 147.5 micro-dollars
        assertThat(Money.toDollars(log.cost())).isEqualByComparingTo("0.0001475");
    }

    @Test
    void streamWithIncludeUsageIsRelayedUntouched() {
        byte[] recorded = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
        upstream.enqueue(Reply.stream(recorded, "text/event-stream", 97, 0));
        String body = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"weather in SF?\"}]}";

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, body);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
        assertThat(res.body()).isEqualTo(new String(recorded, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upstream.received().get(0).bodyText()).isEqualTo(body);
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(14);
        assertThat(log.completionTokens()).isEqualTo(30);
        assertThat(log.stream()).isTrue();
        assertThat(log.ttfbMs()).isNotNull();
    }

    @Test
    void streamWithoutIncludeUsageStillBillsButTheClientNeverSeesTheUsageChunk() {
        byte[] recorded = Fixtures.bytes("openai/chat-stream-include-usage.logprobs-say-foo.sse");
        upstream.enqueue(Reply.stream(recorded, "text/event-stream", 50, 0));
        String body =
                "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say foo\"}]}";

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, body);

        assertThat(res.statusCode()).isEqualTo(200);
        String sentUpstream = upstream.received().get(0).bodyText();
        assertThat(Json.parse(sentUpstream)
                        .path("stream_options")
                        .path("include_usage")
                        .asBoolean())
                .isTrue();
        assertThat(Json.parse(sentUpstream).path("messages"))
                .isEqualTo(Json.parse(body).path("messages"));
        assertThat(res.body()).doesNotContain("\"usage\":{").contains("Foo").endsWith("data: [DONE]\n\n");
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(9);
        assertThat(log.completionTokens()).isEqualTo(2);
        assertThat(log.estimated()).isFalse();
    }

    @Test
    void embeddingsAreBilledFromPromptTokens() {
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/embeddings.openapi-spec-example.json")));
        HttpResponse<String> res = gw.post(
                "/v1/embeddings", key, "{\"model\":\"text-embedding-ada-002\",\"input\":\"The food was delicious\"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(Json.parse(res.body()).path("data").get(0).path("embedding")).hasSize(3);
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(8);
        assertThat(log.completionTokens()).isZero();
        assertThat(log.cost()).isEqualTo(800L); // 8 x $0.1/M
    }

    @Test
    void modelMappingPatchesOnlyTheModelValue() {
        gw.channel(
                "mapped",
                ai.burncloud.common.ChannelType.OPENAI,
                upstream.baseUrl() + "/v1",
                "k",
                List.of("gpt-4"),
                5,
                0,
                java.util.Map.of("gpt-4", "gpt-4-0613"),
                null);
        gw.price("gpt-4", "30", "60");
        gw.sync();
        upstream.enqueue(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        String body =
                "{ \"messages\" : [{\"role\":\"user\",\"content\":\"hi \\\"gpt-4\\\"\"}], \"model\" : \"gpt-4\" , \"n\":1}";

        assertThat(gw.post("/v1/chat/completions", key, body).statusCode()).isEqualTo(200);

        assertThat(upstream.received().get(0).bodyText())
                .isEqualTo(body.replace("\"model\" : \"gpt-4\"", "\"model\" : \"gpt-4-0613\""));
        RequestLog log = gw.logs().get(0);
        assertThat(log.model()).isEqualTo("gpt-4");
        assertThat(log.upstreamModel()).isEqualTo("gpt-4-0613");
        // priced by the model the client asked for: 19 x 30 + 10 x 60 = 1170 micro-dollars
        assertThat(log.cost()).isEqualTo(1_170_000L);
    }

    @Test
    void responsesApiStreamsAreBilledFromResponseCompleted() {
        servePrimary("gpt-4o", "text-embedding-ada-002", "gpt-4o-2024-08-06");
        gw.price("gpt-4o-2024-08-06", "2.5", "10");
        gw.sync();
        byte[] recorded = Fixtures.bytes("openai/responses-stream.openai-node-snapshot.sse");
        upstream.enqueue(Reply.stream(recorded, "text/event-stream", 120, 0));
        String body = "{\"model\":\"gpt-4o-2024-08-06\",\"stream\":true,\"input\":\"Say hello world\"}";

        HttpResponse<String> res = gw.post("/v1/responses", key, body);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo(new String(recorded, java.nio.charset.StandardCharsets.UTF_8));
        FakeUpstream.Received sent = upstream.received().get(0);
        assertThat(sent.uri()).isEqualTo("/v1/responses");
        assertThat(sent.bodyText()).isEqualTo(body); // the Responses API takes no stream_options: untouched
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(10);
        assertThat(log.completionTokens()).isEqualTo(2);
        assertThat(log.estimated()).isFalse();
    }

    @Test
    void binaryAnswersPassThroughWithTheirOwnContentType() {
        servePrimary("gpt-4o", "tts-1");
        gw.price("tts-1", "15", "0");
        gw.sync();
        byte[] audio = new byte[5000];
        new java.util.Random(1).nextBytes(audio);
        upstream.enqueue(Reply.whole(200, audio, "audio/mpeg"));

        HttpResponse<byte[]> res = gw.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gw.baseUrl() + "/v1/audio/speech"))
                        .header("authorization", "Bearer " + key)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"tts-1\",\"input\":\"Hello there\",\"voice\":\"alloy\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).contains("audio/mpeg");
        assertThat(res.body()).isEqualTo(audio);
        RequestLog log = gw.logs().get(0);
        // no usage in audio: the input text is counted locally, at the input price, and marked estimated
        assertThat(log.estimated()).isTrue();
        assertThat(log.promptTokens()).isPositive();
        assertThat(log.completionTokens()).isZero();
    }

    /** The primary channel, now serving {@code models}. */
    private void servePrimary(String... models) {
        gw.repos()
                .channels()
                .update(
                        gw.repos().channels().all().get(0).id(),
                        new ai.burncloud.database.ChannelSpec(
                                "primary",
                                ai.burncloud.common.ChannelType.OPENAI,
                                upstream.baseUrl() + "/v1",
                                "sk-upstream-primary",
                                List.of(models),
                                List.of("default"),
                                0,
                                0,
                                java.util.Map.of(),
                                null));
    }
}
