package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Database;
import ai.burncloud.database.LogQuery;
import ai.burncloud.database.Repositories;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** SIGTERM semantics: stop accepting, let the request in flight finish, write its settlement. */
class GracefulShutdownTest {
    @Test
    void aStreamInFlightFinishesAndIsBilledWhileTheRouterStops() throws Exception {
        byte[] stream = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
        Path dir = Files.createTempDirectory("burncloud-shutdown");
        String url = "sqlite:" + dir.resolve("db.sqlite");
        try (FakeUpstream up = FakeUpstream.start()) {
            // ~1.5 s of streaming: 15 pieces, 100 ms apart
            up.always(Reply.stream(stream, "text/event-stream", stream.length / 15 + 1, 100));
            String key;
            int port;
            CompletableFuture<HttpResponse<String>> call;
            Database db = Database.open(ai.burncloud.common.DatabaseUrl.parse(url));
            Repositories repos = Repositories.over(db);
            RouterServer router = RouterServer.start(
                    ConfigLoader.fromMap(java.util.Map.of(
                            "HOST", "127.0.0.1", "PORT", "0", "DATABASE_URL", url, "SHUTDOWN_GRACE_S", "10")),
                    repos);
            try {
                GatewayFixtureSupport.channelPriceToken(repos, up);
                key = GatewayFixtureSupport.lastKey;
                router.stateSync().refreshNow();
                port = router.port();
                String body = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}]}";
                HttpClient http = HttpClient.newHttpClient();
                call = http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                                .header("authorization", "Bearer " + key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                while (router.inFlight() == 0) {
                    Thread.sleep(5);
                }
            } finally {
                router.close(); // what the SIGTERM hook does
            }
            HttpResponse<String> res = call.get();
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).isEqualTo(new String(stream, StandardCharsets.UTF_8));
            var logs = repos.logs().query(LogQuery.all(1, 10)).items();
            assertThat(logs).hasSize(1);
            assertThat(logs.get(0).settlement()).isEqualTo("completed");
            assertThat(logs.get(0).completionTokens()).isEqualTo(30);
            final int closedPort = port;
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
            db.close();
        }
    }

    /** Configures one OpenAI channel, a price and a root key directly in the repositories. */
    static final class GatewayFixtureSupport {
        static String lastKey;

        static void channelPriceToken(Repositories repos, FakeUpstream up) {
            repos.channels()
                    .create(new ai.burncloud.database.ChannelSpec(
                            "a",
                            ai.burncloud.common.ChannelType.OPENAI,
                            up.baseUrl() + "/v1",
                            "k",
                            List.of("gpt-4o"),
                            List.of("default"),
                            0,
                            0,
                            java.util.Map.of(),
                            null));
            repos.prices().setPrice("gpt-4o", 1_000_000_000L, 1_000_000_000L, null);
            String key = ai.burncloud.common.ApiKeys.generate();
            long root = repos.users().findByUsername("root").orElseThrow().id();
            repos.tokens()
                    .create(new ai.burncloud.database.NewToken(
                            root,
                            "t",
                            ai.burncloud.common.ApiKeys.hash(key),
                            ai.burncloud.common.ApiKeys.displayPrefix(key),
                            -1,
                            -1,
                            List.of(),
                            List.of(),
                            null,
                            0));
            lastKey = key;
        }
    }

    @SuppressWarnings("unused")
    private static final Class<?> FIXTURE = GatewayFixture.class;
}
