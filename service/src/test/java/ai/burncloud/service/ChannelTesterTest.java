package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelSpec;
import ai.burncloud.database.ChannelStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChannelTesterTest extends AdminTestBase {
    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final List<Long> tested = new CopyOnWriteArrayList<>();

    private Channel channel(String name) {
        return repos.channels()
                .create(new ChannelSpec(
                        name,
                        ChannelType.OPENAI,
                        "https://example.com/v1",
                        "sk-key-of-" + name + "-0123456789",
                        List.of("m"),
                        List.of("default"),
                        0,
                        1,
                        Map.of(),
                        null));
    }

    private DataPlaneView view(long failing) {
        return new DataPlaneView() {
            @Override
            public void addListener(RequestListener listener) {}

            @Override
            public int inFlight() {
                return 0;
            }

            @Override
            public CompletableFuture<ChannelTestResult> testChannel(long channelId, String model) {
                tested.add(channelId);
                return CompletableFuture.completedFuture(
                        channelId == failing
                                ? ChannelTestResult.failed(10, "connection refused")
                                : new ChannelTestResult(true, 80, 20L, null, null));
            }
        };
    }

    @Test
    void scheduledRoundsDisableFailuresReEnablePassesAndLeaveHandDisabledChannelsAlone() {
        Channel failing = channel("failing");
        Channel byHand = channel("by-hand");
        Channel recovered = channel("recovered");
        repos.channels().setStatus(byHand.id(), ChannelStatus.DISABLED, "disabled by an operator");
        repos.channels().setStatus(recovered.id(), ChannelStatus.AUTO_DISABLED, "speed test failed: earlier");
        OptionAdmin options = new OptionAdmin(repos, ConfigLoader.fromMap(Map.of()));
        try (ChannelTester tester = new ChannelTester(repos, options, clock)) {
            tester.attach(view(failing.id()));
            now.addAndGet(3_600_000);
            tester.runDue();
            assertThat(tested).as("scheduled tests are off by default").isEmpty();

            options.update(Map.of("channel_test_interval_s", com.fasterxml.jackson.databind.node.IntNode.valueOf(60)));
            tester.runDue();
            assertThat(tested).containsExactlyInAnyOrder(failing.id(), recovered.id());
            assertThat(status(failing)).isEqualTo(ChannelStatus.AUTO_DISABLED);
            assertThat(repos.channels().findById(failing.id()).orElseThrow().statusReason())
                    .isEqualTo("speed test failed: connection refused");
            assertThat(status(recovered)).isEqualTo(ChannelStatus.ENABLED);
            assertThat(status(byHand)).isEqualTo(ChannelStatus.DISABLED);
            assertThat(repos.channels()
                            .findById(recovered.id())
                            .orElseThrow()
                            .lastTest()
                            .latencyMs())
                    .isEqualTo(80);

            tested.clear();
            now.addAndGet(30_000);
            tester.runDue();
            assertThat(tested).as("not due yet").isEmpty();
            now.addAndGet(31_000);
            tester.runDue();
            assertThat(tested).hasSize(2);
        }
    }

    private ChannelStatus status(Channel c) {
        return repos.channels().findById(c.id()).orElseThrow().status();
    }
}
