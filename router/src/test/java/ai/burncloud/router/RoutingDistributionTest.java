package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Weighted random within a tier (80/20 gives ~80/20), exact round-robin when all weights are 0. */
class RoutingDistributionTest {
    private static Upstream upstream(long id, int weight) {
        return new Upstream(
                id,
                "u" + id,
                ai.burncloud.common.ChannelType.OPENAI,
                "http://x",
                "k",
                java.util.Map.of(),
                ai.burncloud.common.Json.object(),
                0,
                weight);
    }

    private static RouteTable table(Upstream... members) {
        long total = 0;
        for (Upstream u : members) {
            total += u.weight();
        }
        return new RouteTable(List.of(new RouteTable.Tier(0, List.of(members), total, new AtomicLong())), true);
    }

    private final UpstreamSelector selector = new UpstreamSelector(new CircuitBreakers(
            5, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(30), System::nanoTime));

    @Test
    void weights80And20SplitTrafficWithinFivePointsOver2000Requests() {
        RouteTable t = table(upstream(1, 80), upstream(2, 20));
        int first = 0;
        for (int i = 0; i < 2000; i++) {
            if (selector.next(t, Set.of(), "m").upstream().id() == 1) {
                first++;
            }
        }
        assertThat(first / 20.0).isBetween(75.0, 85.0);
    }

    @Test
    void zeroWeightsRotateExactly() {
        RouteTable t = table(upstream(1, 0), upstream(2, 0), upstream(3, 0));
        int[] counts = new int[4];
        for (int i = 0; i < 300; i++) {
            counts[(int) selector.next(t, Set.of(), "m").upstream().id()]++;
        }
        assertThat(counts).containsExactly(0, 100, 100, 100);
    }

    @Test
    void aTriedChannelIsNeverPickedAgain() {
        RouteTable t = table(upstream(1, 1000), upstream(2, 1));
        for (int i = 0; i < 200; i++) {
            assertThat(selector.next(t, Set.of(1L), "m").upstream().id()).isEqualTo(2);
        }
        assertThat(selector.next(t, Set.of(1L, 2L), "m")).isNull();
    }

    @Test
    void throughTheGatewayTwoThousandRequestsSplit80To20() {
        try (FakeUpstream a = FakeUpstream.start();
                FakeUpstream b = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            String ok = Fixtures.text("openai/chat-completion.openapi-spec-example.json");
            a.always(Reply.json(200, ok));
            b.always(Reply.json(200, ok));
            gw.openAiChannel("a", a, List.of("gpt-4o"), 0, 80);
            gw.openAiChannel("b", b, List.of("gpt-4o"), 0, 20);
            gw.price("gpt-4o", "1", "1");
            String key = gw.rootToken();
            gw.sync();
            String chat =
                    "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            for (int i = 0; i < 2000; i++) {
                assertThat(gw.post("/v1/chat/completions", key, chat).statusCode())
                        .isEqualTo(200);
            }
            assertThat(a.received().size() / 20.0).isBetween(75.0, 85.0);
            assertThat(a.received().size() + b.received().size()).isEqualTo(2000);
            // keep-alive pooling: far fewer connections than requests
            assertThat(a.connectionsOpened() + b.connectionsOpened()).isLessThan(20);
        }
    }
}
