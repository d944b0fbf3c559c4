package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Database;
import ai.burncloud.database.LogQuery;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.Role;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.service.CreatedToken;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.TokenRequest;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the shipped jar with a stream in flight, as {@code systemctl stop} or {@code docker
 * stop} sends it: the stream runs to its end, its usage is written to the log and charged, and the
 * process exits 0.
 */
class GracefulStopProcessTest {
    @TempDir
    Path dir;

    @Test
    void aStreamInFlightAtSigtermFinishesIsBilledAndTheProcessExitsZero() throws Exception {
        // the recorded stream replayed in 20 pieces 200 ms apart: about 4 s, most of it after the SIGTERM
        byte[] recorded = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
        String request = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather like in San Francisco?\"}]}";
        try (FakeUpstream up = FakeUpstream.start()) {
            up.always(Reply.stream(recorded, "text/event-stream", recorded.length / 20 + 1, 200));
            String key = configure(up);
            GatewayProcess gw = GatewayProcess.startIn(dir, Map.of("SHUTDOWN_GRACE_MS", "20000"));
            StreamingCall stream;
            int exit;
            try {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                stream = StreamingCall.open(http, gw.baseUrl(), key, request);
                stream.awaitEvents(2);
                exit = gw.terminate();
            } finally {
                gw.close();
            }
            assertThat(exit).as("exit status after SIGTERM; see %s", gw.log()).isZero();
            assertThat(stream.awaitEnd()).as("the stream ran to its [DONE]").isTrue();

            try (Database db = Database.open(DatabaseUrl.parse(GatewayProcess.databaseUrl(dir)))) {
                List<RequestLog> rows =
                        Repositories.over(db).logs().query(LogQuery.all(1, 10)).items();
                assertThat(rows).hasSize(1);
                RequestLog row = rows.get(0);
                assertThat(row.requestId()).isEqualTo(stream.requestId);
                assertThat(row.settlement()).isEqualTo("completed");
                // the recorded stream's own usage, billed at $1 / $2 per 1M tokens
                assertThat(row.estimated()).isFalse();
                assertThat(row.completionTokens()).isPositive();
                assertThat(row.cost()).isEqualTo(row.promptTokens() * 1_000 + row.completionTokens() * 2_000);
            }
        }
    }

    /** A channel to the fake upstream, a price, a user and a key, written before the router starts. */
    private String configure(FakeUpstream up) {
        try (Database db = Database.open(DatabaseUrl.parse(GatewayProcess.databaseUrl(dir)))) {
            Repositories repos = Repositories.over(db);
            FakeOpenAiChannel.add(repos, up);
            repos.users().create(new NewUser("alice", null, Role.USER, "default", -1, null, null));
            CreatedToken t = new TokenAdmin(repos).create(new TokenRequest("k", "alice", null, null, null, null, null));
            return t.key();
        }
    }
}
