package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as a supervisor runs it: logs to a file, an access log line per request with no
 * secret in it, and SIGTERM treated as a request to stop — exit status 0, not 143.
 */
class OperatorProcessTest {
    @TempDir
    Path dir;

    @Test
    void logFileAccessLogAndAGracefulSigterm() throws Exception {
        Path logFile = dir.resolve("burncloud.log");
        Path accessFile = dir.resolve("access.log");
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.always(Reply.whole(
                    200, Fixtures.bytes("openai/chat-completion.openapi-spec-example.json"), "application/json"));
            GatewayProcess gw = GatewayProcess.start(Map.of(
                    "LOG_FILE", logFile.toString(),
                    "ACCESS_LOG", "true",
                    "ACCESS_LOG_FILE", accessFile.toString()));
            try {
                GatewayAdmin admin = GatewayAdmin.signIn(gw.baseUrl(), "root", gw.rootPassword());
                admin.addChannel(
                        "up",
                        "openai",
                        upstream.baseUrl() + "/v1",
                        "sk-upstream",
                        List.of("gpt-4o"),
                        0,
                        Map.of(),
                        null);
                admin.price("gpt-4o", "1", "2");
                String key = admin.createKey("ops");
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> served = null;
                for (int i = 0; i < 100 && (served == null || served.statusCode() == 401); i++) {
                    served = http.send(
                            HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                                    .header("authorization", "Bearer " + key)
                                    .header("content-type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    Thread.sleep(served.statusCode() == 401 ? 50 : 0);
                }
                assertThat(served.statusCode()).isEqualTo(200);
                String requestId = served.headers().firstValue("x-request-id").orElseThrow();

                assertThat(gw.terminate()).as("exit status after SIGTERM").isZero();

                List<String> lines = Files.readAllLines(accessFile);
                JsonNode line = lines.stream()
                        .map(OperatorProcessTest::json)
                        .filter(j -> requestId.equals(j.path("request_id").asText()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no access-log line for " + requestId + " in " + lines));
                assertThat(line.path("model").asText()).isEqualTo("gpt-4o");
                assertThat(line.path("status").asInt()).isEqualTo(200);
                assertThat(line.path("prompt_tokens").asLong()).isEqualTo(19);
                assertThat(line.path("completion_tokens").asLong()).isEqualTo(10);
                assertThat(line.path("cost").decimalValue()).isEqualByComparingTo("0.000039");
                assertThat(String.join("\n", lines)).doesNotContain(key).doesNotContain("sk-upstream");

                String log = Files.readString(logFile);
                assertThat(log).contains("listening on http://127.0.0.1:").contains("BurnCloud stopped");
                assertThat(log).doesNotContain(key);
            } finally {
                gw.close();
            }
        }
    }

    private static JsonNode json(String line) {
        try {
            return Json.parse(line);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
