package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.ChannelTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes run on worker threads, so two can overlap (two scrapers, a person with curl). The
 * fuzz suite caught an overlap answering 500: one scrape re-registered the channel gauges while the
 * other was collecting them and saw the same series twice.
 */
class MetricsScrapeConcurrencyTest {
    @Test
    void overlappingScrapesAllSucceedAndEachSeesEveryChannelOnce() throws Exception {
        GatewayMetrics metrics = new GatewayMetrics(new AtomicReference<>(), 1_000);
        List<Channel> channels = List.of(channel(1, "fake"), channel(2, "other-fake"), channel(3, "third"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> scrapes = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                scrapes.add(pool.submit(() -> metrics.scrape(channels)));
            }
            for (Future<String> scrape : scrapes) {
                String text = scrape.get();
                assertThat(text.lines().filter(l -> l.startsWith("burncloud_channel_up{")))
                        .hasSize(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Channel channel(long id, String name) {
        return new Channel(
                id,
                name,
                ChannelType.OPENAI,
                "http://127.0.0.1:1",
                "sk-test",
                List.of("gpt-4o"),
                List.of("default"),
                0,
                1,
                Map.of(),
                "{}",
                ChannelStatus.ENABLED,
                null,
                0,
                new ChannelTest(1, true, 12L, 10L, null, null),
                1,
                1);
    }
}
