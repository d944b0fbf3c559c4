package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.cli.CliContext;
import ai.burncloud.cli.Main;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A configuration imported by the CLI (another connection to the router's database file) reaches the
 * running router like any other change: a model added to a channel and priced in the file is served
 * after the router's next snapshot poll, with the channel's stored key, which the file never held.
 */
class ConfigImportReachesRouterTest {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeUpstream upstream;
    private RunningGateway gw;
    private String key;

    @BeforeEach
    void start() {
        upstream = FakeUpstream.start();
        upstream.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        gw = RunningGateway.start(Map.of("SNAPSHOT_REFRESH_MS", "250"));
        gw.addChannel("up", "openai", upstream.baseUrl() + "/v1", List.of("gpt-4o"), null);
        gw.price("gpt-4o", "1", "1");
        key = gw.token();
        gw.sync();
    }

    @AfterEach
    void stop() {
        gw.close();
        upstream.close();
    }

    @Test
    void anImportedModelAndPriceAreServedByTheRunningRouter() throws IOException, InterruptedException {
        assertThat(chat("gpt-4o-mini").statusCode()).isEqualTo(404);
        Path file = gw.dir().resolve("burncloud.yaml");
        cli("config", "export", "--output", file.toString());
        String yaml = Files.readString(file);
        assertThat(yaml).contains("key: \"${env:BURNCLOUD_KEY_UP}\"").doesNotContain("sk-upstream-up");
        Files.writeString(
                file,
                yaml.replace("      - gpt-4o\n", "      - gpt-4o\n      - gpt-4o-mini\n")
                        .replace("prices:\n", "prices:\n  - model: gpt-4o-mini\n    input: 0.15\n    output: 0.6\n"));

        String out = cli("config", "import", file.toString());

        assertThat(out).contains("~ channels up: models").contains("+ prices gpt-4o-mini");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> r = chat("gpt-4o-mini");
        while (r.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = chat("gpt-4o-mini");
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        FakeUpstream.Received last = upstream.received().get(upstream.received().size() - 1);
        assertThat(last.headers().get("authorization")).isEqualTo("Bearer sk-upstream-up");
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]),
                Map.of("DATABASE_URL", gw.databaseUrl()),
                gw.dir().resolve("absent.env"),
                app -> {});
        int code = Main.run(ctx, args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private HttpResponse<String> chat(String model) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
