package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.RequestLog;
import ai.burncloud.database.UsageBatch;
import ai.burncloud.server.ApiClient.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogTailApiTest extends ApiTestBase {

    private void log(long userId, String requestId, long costNanos) {
        log(userId, requestId, costNanos, "completed");
    }

    private void log(long userId, String requestId, long costNanos, String settlement) {
        RequestLog r = new RequestLog(
                0,
                requestId,
                System.currentTimeMillis(),
                userId,
                11L,
                1L,
                "/v1/chat/completions",
                "gpt-4o",
                "gpt-4o",
                10,
                20,
                0,
                0,
                0,
                costNanos,
                321,
                45L,
                200,
                true,
                settlement,
                "1:200",
                false,
                false,
                null,
                "10.0.0.5");
        repos.usage().record(new UsageBatch(List.of(r), Map.of(), Map.of(), Map.of(), Map.of()));
    }

    /** The data lines of the stream, as they arrive. */
    private BlockingQueue<String> tail(String path, Auth auth) throws Exception {
        HttpResponse<InputStream> r = api.http()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + path))
                                .header("authorization", "Bearer " + auth.bearer())
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("data: ")) {
                        lines.add(line.substring(6));
                    }
                }
            } catch (Exception ignored) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    @Test
    void aUserTailsOnlyTheirOwnNewRowsWithExactCosts() throws Exception {
        Auth alice = Auth.bearer(user("alice").bearer());
        user("bob");
        long a = userId("alice");
        long b = userId("bob");
        log(a, "before-the-tail", 1);

        BlockingQueue<String> events = tail("/api/logs/live", alice);
        log(b, "bobs-request", 5);
        log(a, "alices-request", 73_750);

        String first = events.poll(10, TimeUnit.SECONDS);
        assertThat(first).as("a row within the poll interval").isNotNull();
        JsonNode row = ai.burncloud.common.Json.parse(first);
        assertThat(row.path("request_id").asText()).isEqualTo("alices-request");
        assertThat(first).contains("\"cost\":0.00007375");
        assertThat(row.has("retry_trail"))
                .as("users do not see the channel side")
                .isFalse();
        assertThat(events.poll(1500, TimeUnit.MILLISECONDS))
                .as("nothing of bob's, nothing old")
                .isNull();
    }

    @Test
    void administratorsTailEveryoneFilteredLikeTheLogList() throws Exception {
        Auth root = Auth.bearer(root().bearer());
        user("alice");
        long a = userId("alice");
        BlockingQueue<String> events = tail("/api/logs/live?user=" + a, root);
        log(userId("root"), "roots-request", 1);
        log(a, "alices-request", 2);

        List<String> ids = new ArrayList<>();
        String e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        ids.add(ai.burncloud.common.Json.parse(e).path("request_id").asText());
        assertThat(ids).containsExactly("alices-request");
        assertThat(ai.burncloud.common.Json.parse(e).path("retry_trail").asText())
                .isEqualTo("1:200");
    }

    @Test
    void theTailKeepsTheSettlementFilter() throws Exception {
        Auth root = Auth.bearer(root().bearer());
        BlockingQueue<String> events = tail("/api/logs/live?settlement=interrupted", root);
        log(userId("root"), "finished", 1);
        log(userId("root"), "cut-by-a-crash", 2, "interrupted");

        String e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        assertThat(ai.burncloud.common.Json.parse(e).path("request_id").asText())
                .isEqualTo("cut-by-a-crash");
        assertThat(events.poll(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void theTailNeedsASignedInCaller() {
        assertThat(api.get("/api/logs/live", Auth.none()).expect(401).errorCode())
                .isEqualTo("invalid_token");
    }
}
