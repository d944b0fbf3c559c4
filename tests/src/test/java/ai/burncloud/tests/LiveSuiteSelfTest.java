package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Received;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The live suite checked in the default build: its {@code TEST_*_BASE_URL} overrides point at the
 * project's fake upstream (replaying recorded provider traffic), so every scenario runs through the real
 * jar exactly as it would against OpenAI and Anthropic, without the network — in recording mode, so
 * the recording proxy is checked too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSuiteSelfTest {
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static FakeUpstream openai;
    private static FakeUpstream anthropic;
    private static LiveSuite suite;
    private static Path recorded;

    @BeforeAll
    static void start() throws IOException {
        openai = FakeUpstream.start().otherwise(LiveSuiteSelfTest::openAiReply);
        anthropic = FakeUpstream.start().otherwise(LiveSuiteSelfTest::anthropicReply);
        LiveProviders providers = LiveProviders.from(Map.of(
                "TEST_OPENAI_KEY",
                "sk-live-openai",
                "TEST_OPENAI_BASE_URL",
                openai.baseUrl() + "/v1",
                "TEST_ANTHROPIC_KEY",
                "sk-ant-live",
                "TEST_ANTHROPIC_BASE_URL",
                anthropic.baseUrl()));
        recorded = Files.createTempDirectory("live-fixtures");
        suite = LiveSuite.start(providers.configured(), recorded);
    }

    @AfterAll
    static void stop() {
        suite.close();
        openai.close();
        anthropic.close();
    }

    @TestFactory
    @Order(1)
    List<DynamicContainer> everyScenarioRunsThroughTheRealJar() {
        return suite.tests();
    }

    @Test
    @Order(2)
    void theProvidersGetTheConfiguredKeysAndModels() {
        assertThat(openai.received())
                .extracting(r -> r.headers().get("authorization"))
                .containsOnly("Bearer sk-live-openai");
        assertThat(anthropic.received())
                .extracting(r -> r.headers().get("x-api-key"))
                .containsOnly("sk-ant-live");
        // the defaults of .env.example, since the map named no model
        assertThat(openai.received()).anyMatch(r -> r.bodyText().contains("\"gpt-4o-mini\""));
        assertThat(anthropic.received()).anyMatch(r -> r.bodyText().contains("\"claude-haiku-4-5\""));
    }

    @Test
    @Order(3)
    void recordingModeSavesEveryAnswerScrubbed() throws IOException {
        try (var files = Files.list(recorded.resolve("openai/live"))) {
            List<Path> saved = files.filter(f -> !f.endsWith("SOURCES.md")).toList();
            assertThat(saved).hasSize(openai.received().size());
            assertThat(saved).anyMatch(f -> f.toString().endsWith("chat_completions-200.sse"));
            assertThat(saved).anyMatch(f -> f.toString().endsWith("embeddings-200.json"));
            for (Path f : saved) {
                String text = Files.readString(f);
                assertThat(text).doesNotContain("chatcmpl-").doesNotContain("sk-live-openai");
            }
        }
        assertThat(Files.readString(recorded.resolve("anthropic/live/SOURCES.md")))
                .contains("anthropic claude-haiku-4-5, HTTP 200");
    }

    @Test
    void envExampleDocumentsEveryVariableTheSuiteReads() throws IOException {
        String example = Files.readString(GatewayProcess.repositoryRoot().resolve(".env.example"));
        for (String name : LiveProviders.from(Map.of()).consulted()) {
            assertThat(example).as(".env.example documents " + name).contains("# " + name + "=");
        }
    }

    @Test
    void providersWithoutKeysAreLeftOutAndNamed() {
        LiveProviders none = LiveProviders.from(Map.of("TEST_AZURE_KEY", "only-half"));
        assertThat(none.configured()).isEmpty();
        assertThat(none.missing())
                .hasSize(6)
                .anyMatch(m -> m.startsWith("openai:") && m.contains("TEST_OPENAI_KEY"))
                .anyMatch(m -> m.startsWith("azure:") && m.contains("TEST_AZURE_BASE_URL"))
                .anyMatch(m -> m.startsWith("bedrock:") && m.contains("TEST_BEDROCK_KEY"));
    }

    private static Reply openAiReply(Received r) {
        String body = r.bodyText();
        boolean tools = body.contains("\"tools\"");
        if (r.uri().endsWith("/embeddings")) {
            return Reply.whole(200, Fixtures.bytes("openai/embeddings.openapi-spec-example.json"), "application/json");
        }
        if (STREAM.matcher(body).find()) {
            return Reply.sse(Fixtures.bytes(
                    tools
                            ? "openai/chat-stream-include-usage.tool-call.sse"
                            : "openai/chat-stream-include-usage.weather-sf.sse"));
        }
        return Reply.whole(
                200,
                Fixtures.bytes(
                        tools
                                ? "openai/chat-completion-tool-call.openapi-spec-example.json"
                                : "openai/chat-completion.openapi-spec-example.json"),
                "application/json");
    }

    private static Reply anthropicReply(Received r) {
        String body = r.bodyText();
        if (STREAM.matcher(body).find()) {
            return Reply.sse(Fixtures.bytes(
                    body.contains("\"tools\"")
                            ? "anthropic/messages-stream.tool_use_response.sse"
                            : "anthropic/messages-stream.recorded-real.sse"));
        }
        return Reply.whole(200, Fixtures.bytes("anthropic/message.openapi-spec-example.json"), "application/json");
    }
}
