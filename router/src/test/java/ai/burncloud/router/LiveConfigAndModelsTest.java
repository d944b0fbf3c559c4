package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveConfigAndModelsTest {
    private static final String CHAT =
            "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void changesWrittenToTheDatabaseReachTheRunningRouterWithinASecond() throws Exception {
        // default refresh (250 ms), as in production
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of("SNAPSHOT_REFRESH_MS", "250"))) {
            up.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
            String key = gw.rootToken();
            gw.sync();
            assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(404);

            // what `burncloud channel add` and `price set` do, from outside the router
            var channel = gw.openAiChannel("late", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            assertThat(waitForStatus(gw, key, 200)).isLessThan(1000);

            gw.repos().channels().setStatus(channel.id(), ChannelStatus.DISABLED, "by hand");
            assertThat(waitForStatus(gw, key, 503)).isLessThan(1000);

            User u = gw.user("newcomer", "default", "0");
            String broke = gw.token(u, null, List.of(), 0);
            gw.repos().channels().setStatus(channel.id(), ChannelStatus.ENABLED, null);
            assertThat(waitForStatus(gw, broke, 402)).isLessThan(1000);
            gw.repos().users().addBalance(u.id(), 1_000_000_000L);
            assertThat(waitForStatus(gw, broke, 200)).isLessThan(1000);
        }
    }

    @Test
    void retryAndUnpricedOptionsSetByAnAdministratorApplyWithoutARestart() throws Exception {
        try (FakeUpstream down = FakeUpstream.start();
                FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(
                        Map.of("SNAPSHOT_REFRESH_MS", "250", "RETRY_TIMES", "2", "CIRCUIT_FAILURES", "1000"))) {
            down.always(Reply.json(503, "{}"));
            up.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
            gw.openAiChannel("down", down, List.of("gpt-4o", "free-model"), 10, 0);
            gw.openAiChannel("up", up, List.of("gpt-4o", "free-model"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            String key = gw.rootToken();
            gw.sync();
            assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
            assertThat(gw.post("/v1/chat/completions", key, CHAT.replace("gpt-4o", "free-model"))
                            .statusCode())
                    .isEqualTo(400);

            // what PUT /api/options writes
            gw.repos().options().putAll(Map.of("retry_times", "0", "unpriced_model_policy", "free"));
            assertThat(waitForStatus(gw, key, 503)).isLessThan(1000); // no retry left: the 503 of "down" itself
            assertThat(gw.post("/v1/chat/completions", key, CHAT.replace("gpt-4o", "free-model"))
                            .statusCode())
                    .isIn(200, 503);
        }
    }

    /** Milliseconds until the chat call answers {@code status}. */
    private static long waitForStatus(GatewayFixture gw, String key, int status) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
            HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);
            if (res.statusCode() == status) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never saw " + status);
    }

    @Test
    void theModelListShowsOnlyWhatTheTokenMayUse() {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            gw.openAiChannel("a", up, List.of("gpt-4o", "gpt-4o-mini", "o1"), 0, 0);
            var off = gw.openAiChannel("b", up, List.of("dall-e-3"), 0, 0);
            gw.repos().channels().setStatus(off.id(), ChannelStatus.DISABLED, null);
            gw.channel(
                    "vip-only",
                    ai.burncloud.common.ChannelType.OPENAI,
                    up.baseUrl(),
                    "k",
                    List.of("secret-model"),
                    0,
                    0,
                    Map.of(),
                    null);
            gw.repos()
                    .channels()
                    .update(
                            gw.repos().channels().all().get(2).id(),
                            new ai.burncloud.database.ChannelSpec(
                                    "vip-only",
                                    ai.burncloud.common.ChannelType.OPENAI,
                                    up.baseUrl(),
                                    "k",
                                    List.of("secret-model"),
                                    List.of("vip"),
                                    0,
                                    0,
                                    Map.of(),
                                    null));
            String all = gw.rootToken();
            String limited = gw.token(gw.root(), null, List.of("gpt-4o", "dall-e-3"), 0);
            gw.sync();

            assertThat(ids(gw.get("/v1/models", all))).containsExactly("gpt-4o", "gpt-4o-mini", "o1");
            assertThat(ids(gw.get("/v1/models", limited))).containsExactly("gpt-4o");
            HttpResponse<String> one = gw.get("/v1/models/gpt-4o", limited);
            assertThat(Json.parse(one.body()).path("id").asText()).isEqualTo("gpt-4o");
            assertThat(Json.parse(one.body()).path("object").asText()).isEqualTo("model");
            HttpResponse<String> hidden = gw.get("/v1/models/o1", limited);
            assertThat(hidden.statusCode()).isEqualTo(404);
            assertThat(Json.parse(hidden.body()).path("error").path("code").asText())
                    .isEqualTo("model_not_found");
            assertThat(gw.get("/v1/models", null).statusCode()).isEqualTo(401);
        }
    }

    private static List<String> ids(HttpResponse<String> res) {
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode root = Json.parse(res.body());
        assertThat(root.path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        root.path("data").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }
}
