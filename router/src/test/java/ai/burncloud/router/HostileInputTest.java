package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.Money;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reproductions from issue 9 at the data-plane doors: each was accepted, forwarded or billed wrongly. */
class HostileInputTest {
    private static final String ANSWER_WITH_USAGE = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hello there\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d,"
            + "\"total_tokens\":0}}";

    private FakeUpstream upstream;
    private GatewayFixture gw;
    private User alice;
    private String key;

    @BeforeEach
    void setUp() {
        upstream = FakeUpstream.start();
        gw = GatewayFixture.start(Map.of("RETRY_TIMES", "0"));
        gw.openAiChannel("a", upstream, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "1", "1"); // $1 per million tokens each way
        alice = gw.user("alice", "default", "1.01");
        key = gw.token(alice, null, List.of(), 0);
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        upstream.close();
    }

    private HttpResponse<String> chat(String body) {
        return gw.post("/v1/chat/completions", key, body);
    }

    private static String chatBody(String extra) {
        return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extra + "}";
    }

    private long balance() {
        gw.logs(); // flushes settlements
        return gw.repos().users().findById(alice.id()).orElseThrow().balance();
    }

    @Test
    void negativeUpstreamUsageIsNeverACredit() {
        long before = balance();
        upstream.enqueue(Reply.json(200, ANSWER_WITH_USAGE.formatted(12, -6_000_000)));
        assertThat(chat(chatBody("")).statusCode()).isEqualTo(200);
        RequestLog row = gw.logs().get(0);
        assertThat(row.completionTokens()).isBetween(1L, 100L); // counted locally: "hello there"
        assertThat(row.promptTokens()).isEqualTo(12);
        assertThat(row.estimated()).isTrue();
        assertThat(row.cost()).isPositive();
        assertThat(balance()).isLessThan(before);
    }

    @Test
    void absurdUpstreamUsageIsCountedLocallyInstead() {
        upstream.enqueue(Reply.json(200, ANSWER_WITH_USAGE.formatted(10, 5_000_000_000L)));
        assertThat(chat(chatBody("")).statusCode()).isEqualTo(200);
        RequestLog row = gw.logs().get(0);
        assertThat(row.completionTokens()).isLessThan(100);
        assertThat(balance()).isGreaterThan(Money.parseDollars("1.00"));
    }

    @Test
    void maxTokensOutsideSaneBoundsIs400AndNeverForwarded() {
        for (String bad :
                new String[] {"-100000", "0", "9007199254740992", "99999999999999999999999", "1.5", "\"many\"", "[1]"
                }) {
            HttpResponse<String> res = chat(chatBody(",\"max_tokens\":" + bad));
            assertThat(res.statusCode()).as(bad).isEqualTo(400);
            assertThat(Json.parse(res.body()).path("error").path("code").asText())
                    .isEqualTo("invalid_request");
        }
        assertThat(chat(chatBody(",\"max_completion_tokens\":-1")).statusCode()).isEqualTo(400);
        assertThat(gw.post(
                                "/v1/messages",
                                key,
                                "{\"model\":\"gpt-4o\",\"max_tokens\":-5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(gw.post(
                                "/v1beta/models/gpt-4o:generateContent",
                                key,
                                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"maxOutputTokens\":9007199254740993}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void modelNamesAreShortAndPrintable() {
        String longName = "m".repeat(257);
        HttpResponse<String> res = chat("{\"model\":\"" + longName + "\",\"messages\":[]}");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).doesNotContain(longName);
        assertThat(chat("{\"model\":\"gpt\\u0000-4o\",\"messages\":[]}").statusCode())
                .isEqualTo(400);
        assertThat(chat("{\"model\":\"gpt\\ud800\",\"messages\":[]}").statusCode())
                .isEqualTo(400);
        assertThat(gw.post("/v1beta/models/" + "g".repeat(300) + ":generateContent", key, "{\"contents\":[]}")
                        .statusCode())
                .isEqualTo(400);
        // a 256-byte name is fine (then unknown: 404)
        assertThat(chat("{\"model\":\"" + "m".repeat(256) + "\",\"messages\":[]}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(gw.logs())
                .allSatisfy(r ->
                        assertThat(r.model() == null ? 0 : r.model().length()).isLessThanOrEqualTo(256));
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void bodiesMustBeUtf8WithoutAByteOrderMark() {
        byte[] json = chatBody("").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[json.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, bom, 3, json.length);
        assertThat(post("/v1/chat/completions", bom).statusCode()).isEqualTo(400);
        assertThat(post("/v1/chat/completions", chatBody("").getBytes(StandardCharsets.UTF_16LE))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/v1/chat/completions", chatBody("").getBytes(StandardCharsets.UTF_16))
                        .statusCode())
                .isEqualTo(400);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void aGeminiKeyInTheQueryIsNeitherStoredNorReturned() {
        upstream.enqueue(Reply.json(200, ANSWER_WITH_USAGE.formatted(3, 2)));
        HttpResponse<String> res = gw.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1beta/models/gpt-4o:generateContent?key=" + key))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}"))
                        .build());
        assertThat(res.statusCode()).isEqualTo(200);
        RequestLog row = gw.logs().get(0);
        assertThat(row.endpoint()).isEqualTo("/v1beta/models/gpt-4o:generateContent");
        assertThat(res.body()).doesNotContain(key);
    }

    private HttpResponse<String> post(String path, byte[] body) {
        return gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }
}
