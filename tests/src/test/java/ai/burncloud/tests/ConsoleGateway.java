package ai.burncloud.tests;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One gateway for every console test class of the run (starting one is the slow part): the real
 * gateway on SQLite, root's password known, one OpenAI-style channel on a fake upstream that
 * answers chat (streamed or whole, from recorded fixtures) and its model list, and prices. Kept in
 * JUnit's root store, closed when the run ends. Test classes add what they need under their own
 * names, so they never depend on one another's data.
 */
final class ConsoleGateway implements AutoCloseable {
    public static final String ROOT_PASSWORD = "console-root-password";
    /** Dollars per 1M tokens of gpt-4o in the test setup: input, output. */
    public static final String INPUT_PRICE = "2.5";

    public static final String OUTPUT_PRICE = "10";

    private final FakeUpstream upstream;
    private final RunningGateway gateway;

    private ConsoleGateway(FakeUpstream upstream, RunningGateway gateway) {
        this.upstream = upstream;
        this.gateway = gateway;
    }

    static ConsoleGateway start() {
        FakeUpstream upstream = FakeUpstream.start();
        byte[] stream = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
        String whole = Fixtures.text("openai/chat-completion.openapi-spec-example.json");
        upstream.otherwise(r -> {
            if (r.uri().endsWith("/models")) {
                return Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"},{\"id\":\"gpt-4o-mini\"}]}");
            }
            // streamed in small pieces with a pause, as a model writes
            return r.bodyText().contains("\"stream\":true")
                    ? Reply.stream(stream, "text/event-stream", 96, 8)
                    : Reply.json(200, whole);
        });
        RunningGateway gw = RunningGateway.start(Map.of("BURNCLOUD_ROOT_PASSWORD", ROOT_PASSWORD));
        gw.addChannel("fake-openai", "openai", upstream.baseUrl() + "/v1", List.of("gpt-4o", "gpt-4o-mini"), null);
        gw.price("gpt-4o", INPUT_PRICE, OUTPUT_PRICE);
        gw.price("gpt-4o-mini", "0.15", "0.6");
        gw.sync();
        return new ConsoleGateway(upstream, gw);
    }

    public String baseUrl() {
        return gateway.baseUrl();
    }

    public String upstreamUrl() {
        return upstream.baseUrl() + "/v1";
    }

    public RunningGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
        upstream.close();
    }

    /** Hands test classes the run's gateway: {@code @BeforeAll static void setUp(ConsoleGateway gw)}. */
    public static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == ConsoleGateway.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            return c.getRoot()
                    .getStore(ExtensionContext.Namespace.create(ConsoleGateway.class))
                    .computeIfAbsent(ConsoleGateway.class, k -> ConsoleGateway.start(), ConsoleGateway.class);
        }
    }
}
