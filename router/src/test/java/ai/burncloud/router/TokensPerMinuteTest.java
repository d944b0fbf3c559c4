package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.TokenUpdate;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key's tokens-per-minute limit on one router: a request counts its hold (body bytes / 4 plus
 * max_tokens) while in flight, its settlement corrects the count to the tokens really used (the
 * fixture reports 19 + 10), and what does not fit in the minute is a 429 with Retry-After.
 */
class TokensPerMinuteTest {
    /** 79 bytes: a hold of 20 prompt tokens plus 100 completion tokens = 120. */
    private static final String CHAT =
            "{\"model\":\"gpt-4o\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private FakeUpstream upstream;
    private GatewayFixture gw;
    private User alice;

    @BeforeEach
    void setUp() {
        upstream = FakeUpstream.start();
        upstream.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        gw = GatewayFixture.start();
        gw.openAiChannel("a", upstream, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "2.5", "10");
        alice = gw.user("alice", "default", "10");
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        upstream.close();
    }

    @Test
    void settledRequestsCountTheirRealTokensAndTheRestOfTheMinuteIsRefused() {
        GatewayFixture.IssuedToken t = gw.tokenWith(alice, null, List.of(), List.of(), 0, -1);
        gw.repos()
                .tokens()
                .update(t.token().id(), new TokenUpdate(null, null, null, null, null, null, null, null, 200));
        gw.sync();
        awayFromTheMinuteBoundary();

        // 120 held → 29 used; 29 + 120 → 58; 58 + 120 → 87; 87 + 120 = 207 > 200
        for (int i = 0; i < 3; i++) {
            assertThat(gw.post("/v1/chat/completions", t.key(), CHAT).statusCode())
                    .as("request %d", i + 1)
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = gw.post("/v1/chat/completions", t.key(), CHAT);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Json.parse(limited.body()).path("error").path("code").asText())
                .isEqualTo("rate_limit_exceeded");
        assertThat(Json.parse(limited.body()).path("error").path("message").asText())
                .contains("200 tokens per minute");
        assertThat(limited.headers().firstValue("retry-after"))
                .get()
                .satisfies(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(upstream.received()).hasSize(3);
    }

    @Test
    void aSmallerRequestStillFitsAndOtherKeysAreNotCounted() {
        GatewayFixture.IssuedToken t = gw.tokenWith(alice, null, List.of(), List.of(), 0, -1);
        gw.repos()
                .tokens()
                .update(t.token().id(), new TokenUpdate(null, null, null, null, null, null, null, null, 130));
        String other = gw.token(alice, null, List.of(), 0);
        gw.sync();
        awayFromTheMinuteBoundary();

        assertThat(gw.post("/v1/chat/completions", t.key(), CHAT).statusCode()).isEqualTo(200); // 29 used
        assertThat(gw.post("/v1/chat/completions", t.key(), CHAT).statusCode()).isEqualTo(429); // 149 > 130
        String small = CHAT.replace("\"max_tokens\":100", "\"max_tokens\":50"); // 20 + 50 = 70 → 99
        assertThat(gw.post("/v1/chat/completions", t.key(), small).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(gw.post("/v1/chat/completions", other, CHAT).statusCode())
                    .isEqualTo(200);
        }
    }

    /** Windows are clock minutes: start with enough of the minute left for the few requests. */
    private static void awayFromTheMinuteBoundary() {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 50_000) {
            try {
                Thread.sleep(60_000 - intoMinute + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
