package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FailingTranslator;
import ai.burncloud.router.testing.FailingTranslator.Step;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import ai.burncloud.router.translate.Translators;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a translator or converter throws, at whichever step, the request ends with exactly one
 * settlement, its quota hold released (only the settled cost stays spent) and nothing left in
 * flight; the client gets an answer (a clean 500 in its dialect, or a cut stream), never a hang.
 */
class ExchangeGuardTest {
    private static final String OK = Fixtures.text("openai/chat-completion.openapi-spec-example.json");
    private static final byte[] SSE = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");

    /** How the fake upstream answers, chosen so the failing step is reached. */
    enum Answer {
        JSON,
        STREAM,
        ERROR_400,
        CUT_STREAM
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Step.TO_UPSTREAM, Answer.JSON),
                Arguments.of(Step.RESPONSE_CONVERTER, Answer.JSON),
                Arguments.of(Step.ON_CHUNK, Answer.JSON),
                Arguments.of(Step.ON_END, Answer.JSON),
                Arguments.of(Step.FAULT, Answer.JSON),
                Arguments.of(Step.USAGE, Answer.JSON),
                Arguments.of(Step.CLOSE, Answer.JSON),
                Arguments.of(Step.RESPONSE_CONVERTER, Answer.STREAM),
                Arguments.of(Step.ON_CHUNK, Answer.STREAM),
                Arguments.of(Step.ON_END, Answer.STREAM),
                Arguments.of(Step.FAULT, Answer.STREAM),
                Arguments.of(Step.USAGE, Answer.STREAM),
                Arguments.of(Step.CLOSE, Answer.STREAM),
                Arguments.of(Step.ON_FAILURE, Answer.CUT_STREAM),
                Arguments.of(Step.TRANSLATE_ERROR, Answer.ERROR_400));
    }

    @ParameterizedTest(name = "{0} throws, upstream answers {1}")
    @MethodSource("cases")
    void oneSettlementAReleasedHoldAndNothingInFlight(Step step, Answer answer) {
        Translators failing = Translators.standard().wrapped(t -> new FailingTranslator(t, step));
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(
                        Map.of("LOG_FLUSH_INTERVAL_MS", "50"), new RouterServer.Seams(System::nanoTime, failing))) {
            up.always(
                    switch (answer) {
                        case JSON -> Reply.json(200, OK);
                        case STREAM -> Reply.sse(SSE);
                        case ERROR_400 ->
                            Reply.json(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}");
                        case CUT_STREAM -> Reply.cut(SSE, "text/event-stream", SSE.length / 2);
                    });
            gw.openAiChannel("a", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            GatewayFixture.IssuedToken token = gw.tokenWith(gw.root(), "10", List.of(), List.of(), 0, -1);
            gw.sync();
            long before =
                    gw.router().ledger().tokenAvailable(token.token().id()).orElseThrow();

            boolean stream = answer == Answer.STREAM || answer == Answer.CUT_STREAM;
            String body = "{\"model\":\"gpt-4o\",\"stream\":" + stream + ",\"max_tokens\":50,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            String got = call(gw, token.key(), body);

            List<RequestLog> logs = gw.logs(); // waits until nothing is in flight, or fails
            assertThat(gw.router().inFlight()).isZero();
            assertThat(logs).as("settlements").hasSize(1);
            RequestLog row = logs.get(0);
            long after = gw.router().ledger().tokenAvailable(token.token().id()).orElseThrow();
            assertThat(before - after).as("money still held or charged").isEqualTo(row.cost());
            if (got.startsWith("500 ")) {
                assertThat(row.settlement()).isEqualTo("server_error");
                assertThat(row.cost()).isZero();
                assertThat(Json.parse(got.substring(4))
                                .path("error")
                                .path("code")
                                .asText())
                        .isEqualTo("server_error");
                assertThat(got).doesNotContain("Exception").doesNotContain("injected");
            }
        }
    }

    @ParameterizedTest(name = "the {0} door")
    @MethodSource("doors")
    void aFailureBeforeAnyByteIsOneCleanErrorInTheClientsDialect(String door, String path, String body, String type) {
        Translators failing = Translators.standard().wrapped(t -> new FailingTranslator(t, Step.TO_UPSTREAM));
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of(), new RouterServer.Seams(System::nanoTime, failing))) {
            up.always(Reply.json(200, OK));
            gw.channel(
                    "a",
                    ai.burncloud.common.ChannelType.valueOf(type),
                    up.baseUrl(),
                    "k",
                    List.of("m"),
                    0,
                    0,
                    Map.of(),
                    null);
            gw.price("m", "1", "1");
            String key = gw.rootToken();
            gw.sync();
            HttpResponse<String> res = gw.post(path, key, body);
            assertThat(res.statusCode()).isEqualTo(500);
            assertThat(res.headers().firstValue("x-request-id")).isPresent();
            var json = Json.parse(res.body());
            switch (door) {
                case "anthropic" -> assertThat(json.path("type").asText()).isEqualTo("error");
                case "gemini" ->
                    assertThat(json.path("error").path("code").asInt()).isEqualTo(500);
                default -> assertThat(json.path("error").path("code").asText()).isEqualTo("server_error");
            }
            assertThat(up.received()).isEmpty();
            assertThat(gw.logs().get(0).settlement()).isEqualTo("server_error");
        }
    }

    static Stream<Arguments> doors() {
        return Stream.of(
                Arguments.of(
                        "openai",
                        "/v1/chat/completions",
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        "OPENAI"),
                Arguments.of(
                        "anthropic",
                        "/v1/messages",
                        "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        "ANTHROPIC"),
                Arguments.of(
                        "gemini",
                        "/v1beta/models/m:generateContent",
                        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}",
                        "GEMINI"));
    }

    /**
     * The reproduction from issue 8: a Gemini-door request whose parts the OpenAI translator cannot
     * read, on a failover attempt after a Gemini channel's 503. It used to leave the client without an
     * answer and about $0.01 held per request until restart.
     */
    @org.junit.jupiter.api.Test
    void aTranslatorThatThrowsOnAFailoverAttemptStillAnswersAndReleasesTheHold() {
        try (FakeUpstream gemini = FakeUpstream.start();
                FakeUpstream openai = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of("RETRY_TIMES", "2"))) {
            gemini.always(Reply.json(
                    503, "{\"error\":{\"code\":503,\"message\":\"overloaded\",\"status\":\"UNAVAILABLE\"}}"));
            openai.always(Reply.json(200, OK));
            gw.channel(
                    "g",
                    ai.burncloud.common.ChannelType.GEMINI,
                    gemini.baseUrl(),
                    "k",
                    List.of("m"),
                    10,
                    0,
                    Map.of(),
                    null);
            gw.channel(
                    "o",
                    ai.burncloud.common.ChannelType.OPENAI,
                    openai.baseUrl() + "/v1",
                    "k",
                    List.of("m"),
                    0,
                    0,
                    Map.of(),
                    null);
            gw.price("m", "1", "1");
            GatewayFixture.IssuedToken token = gw.tokenWith(gw.root(), "10", List.of(), List.of(), 0, -1);
            gw.sync();
            long before =
                    gw.router().ledger().tokenAvailable(token.token().id()).orElseThrow();

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> res =
                        gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1beta/models/m:generateContent"))
                                .timeout(Duration.ofSeconds(15))
                                .header("x-goog-api-key", token.key())
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"parts\":[5]}]}"))
                                .build());
                assertThat(res.statusCode()).as("an answer, in Gemini's shape").isBetween(400, 599);
                assertThat(Json.parse(res.body()).path("error").path("code").asInt())
                        .isEqualTo(res.statusCode());
            }
            List<RequestLog> logs = gw.logs();
            assertThat(logs).hasSize(3);
            assertThat(gw.router().inFlight()).isZero();
            long after = gw.router().ledger().tokenAvailable(token.token().id()).orElseThrow();
            assertThat(before - after)
                    .as("nothing left held")
                    .isEqualTo(logs.stream().mapToLong(RequestLog::cost).sum());
        }
    }

    /** Sends a request; returns "STATUS body", or "cut" when the response was broken off. */
    private static String call(GatewayFixture gw, String key, String body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(15))
                .header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<byte[]> res = gw.http().send(req, HttpResponse.BodyHandlers.ofByteArray());
            return res.statusCode() + " " + new String(res.body(), StandardCharsets.UTF_8);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("the client got no answer", e);
        } catch (IOException e) {
            return "cut";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
