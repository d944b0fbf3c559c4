package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Money;
import ai.burncloud.database.Database;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Role;
import ai.burncloud.database.Status;
import ai.burncloud.database.User;
import ai.burncloud.database.UserUpdate;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.service.AbandonedRequests;
import ai.burncloud.service.ChannelAdmin;
import ai.burncloud.service.ChannelRequest;
import ai.burncloud.service.CreatedToken;
import ai.burncloud.service.OptionKey;
import ai.burncloud.service.PriceAdmin;
import ai.burncloud.service.QuotaLedger;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.TokenCounter;
import ai.burncloud.service.TokenRequest;
import ai.burncloud.service.UsageRecorder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configuration changes reach the snapshot as patches — only the changed token, user, channel,
 * price or option re-read — and the patched snapshot is exactly what a full reload would build. On
 * PostgreSQL a change wakes the router through NOTIFY, with polling turned off.
 */
class SnapshotPatchTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void everyKindOfChangeIsPatchedInAndMatchesAFullReload(String kind) throws Exception {
        TestDatabases.PostgresSchema schema = kind.equals("postgres") ? TestDatabases.freshPostgresSchema() : null;
        DatabaseUrl url = schema != null ? schema.url() : TestDatabases.sqlite(dir);
        try (Database db = Database.open(url)) {
            Repositories repos = Repositories.over(db);
            BurnCloudConfig config = ConfigLoader.fromMap(Map.of("DATABASE_URL", url.display()));
            repos.users()
                    .create(new NewUser("alice", null, Role.USER, "default", 5 * Money.NANOS_PER_DOLLAR, null, null));
            TokenAdmin tokens = new TokenAdmin(repos);
            CreatedToken first = tokens.create(new TokenRequest("first", "alice", "2", null, null, null, null));
            Harness h = new Harness(repos, config);
            try (StateSync sync = h.sync) {
                sync.start(Duration.ofHours(1), Duration.ofHours(1));
                User alice = repos.users().findByUsername("alice").orElseThrow();
                List<Runnable> changes = List.of(
                        () -> tokens.create(new TokenRequest("second", "alice", "3", null, List.of("gpt-4o"), null, 7)),
                        () -> tokens.setStatus(first.token().id(), Status.DISABLED),
                        () -> repos.users().addBalance(alice.id(), Money.NANOS_PER_DOLLAR),
                        () -> repos.users().update(alice.id(), new UserUpdate(null, "vip", null, null, null)),
                        () -> new ChannelAdmin(repos)
                                .add(new ChannelRequest(
                                        "c1",
                                        "openai",
                                        "http://127.0.0.1:9/v1",
                                        "sk-up",
                                        List.of("gpt-4o"),
                                        List.of("vip"),
                                        null,
                                        null,
                                        null,
                                        null)),
                        () -> new PriceAdmin(repos).set("gpt-4o", "1", "2", null),
                        () -> repos.options().putAll(Map.of(OptionKey.RETRY_TIMES.id(), "5")),
                        () -> tokens.delete(first.token().id()),
                        () -> repos.users()
                                .update(alice.id(), new UserUpdate(null, null, Status.DISABLED, null, null)));
                for (Runnable change : changes) {
                    change.run();
                    sync.refreshNow();
                    assertMatchesFullReload(h.current.get(), repos, config);
                }
                RoutingSnapshot last = h.current.get();
                assertThat(last.version()).isEqualTo(repos.configVersion().current());
                assertThat(last.retryTimes()).isEqualTo(5);
                assertThat(last.models("vip")).containsExactly("gpt-4o");
                assertThat(last.prices().resolve("gpt-4o")).isPresent();
                assertThat(last.tokensByHash()).hasSize(1);
                AuthorizedToken second = last.tokensByHash().values().iterator().next();
                assertThat(second.group()).isEqualTo("vip");
                assertThat(second.user().status()).isEqualTo(Status.DISABLED);
                // the ledger learned the new token's quota and the top-up from the patches alone
                assertThat(h.ledger.tokenAvailable(second.token().id())).contains(3 * Money.NANOS_PER_DOLLAR);
                assertThat(h.ledger.userAvailable(alice.id())).contains(6 * Money.NANOS_PER_DOLLAR);
                assertThat(sync.fullLoads())
                        .as("only the start read everything")
                        .isEqualTo(1);

                // a group ratio reaches every token of its group: that one is a full reload
                repos.ratios().setGroupRatio("vip", new BigDecimal("0.5"), null);
                sync.refreshNow();
                assertThat(sync.fullLoads()).isEqualTo(2);
                assertThat(h.current
                                .get()
                                .tokensByHash()
                                .values()
                                .iterator()
                                .next()
                                .groupRatio())
                        .isEqualByComparingTo("0.5");
            }
        } finally {
            if (schema != null) {
                schema.close();
            }
        }
    }

    @Test
    void onPostgresANotifyAppliesAChangeWithoutAnyPolling() throws Exception {
        try (TestDatabases.PostgresSchema schema = TestDatabases.freshPostgresSchema();
                Database db = Database.open(schema.url());
                Database otherProcess = Database.open(schema.url())) {
            Repositories repos = Repositories.over(db);
            BurnCloudConfig config = ConfigLoader.fromMap(Map.of("DATABASE_URL", schema.urlText()));
            repos.users().create(new NewUser("bob", null, Role.USER, "default", -1, null, null));
            Harness h = new Harness(repos, config);
            try (StateSync sync = h.sync) {
                // polling once an hour: only the notification can bring the change in time
                sync.start(Duration.ofHours(1), Duration.ofHours(1));
                try (ConfigPushListener push =
                        ConfigPushListener.start(db.url(), repos.configVersion().channel(), sync::wake)) {
                    // the first subscription catches up; wait until the listener is in place
                    awaitVersion(h, repos.configVersion().current(), 10_000);
                    Thread.sleep(200);
                    TokenAdmin elsewhere = new TokenAdmin(Repositories.over(otherProcess));
                    List<Long> took = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        long before = System.nanoTime();
                        CreatedToken t =
                                elsewhere.create(new TokenRequest("pushed-" + i, "bob", null, null, null, null, null));
                        long written = repos.configVersion().current();
                        awaitVersion(h, written, 10_000);
                        took.add((System.nanoTime() - before) / 1_000_000);
                        assertThat(h.current.get().tokensByHash().values())
                                .anyMatch(a -> a.token().id() == t.token().id());
                    }
                    assertThat(sync.fullLoads()).isEqualTo(1);
                    System.out.printf("NOTIFY to applied snapshot (ms): %s%n", took);
                }
            }
        }
    }

    private static long awaitVersion(Harness h, long version, long limitMs) throws InterruptedException {
        long start = System.nanoTime();
        while (h.current.get().version() < version) {
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("snapshot reached version %d", version)
                    .isLessThan(limitMs);
            Thread.sleep(1);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void assertMatchesFullReload(RoutingSnapshot patched, Repositories repos, BurnCloudConfig config) {
        RoutingSnapshot full = new SnapshotLoader(repos, config).load(new QuotaLedger());
        assertThat(patched.version()).isEqualTo(full.version());
        assertThat(tokens(patched)).isEqualTo(tokens(full));
        assertThat(patched.upstreams()).isEqualTo(full.upstreams());
        assertThat(routes(patched)).isEqualTo(routes(full));
        assertThat(patched.modelsByGroup()).isEqualTo(full.modelsByGroup());
        assertThat(patched.prices().resolve("gpt-4o")).isEqualTo(full.prices().resolve("gpt-4o"));
        assertThat(patched.retryTimes()).isEqualTo(full.retryTimes());
        assertThat(patched.allowUnpriced()).isEqualTo(full.allowUnpriced());
    }

    /** What a request is judged by, per key hash (IP ranges by count: they have no equality). */
    private static Map<String, List<Object>> tokens(RoutingSnapshot s) {
        Map<String, List<Object>> out = new TreeMap<>();
        s.tokensByHash()
                .forEach((hash, a) -> out.put(
                        hash,
                        List.of(
                                a.token(),
                                a.user(),
                                a.group(),
                                a.groupRatio().stripTrailingZeros(),
                                a.allowedModels(),
                                a.ipRanges().size())));
        return out;
    }

    /** Route tables as (group, model) → tiers of (priority, channel ids). */
    private static Map<String, List<String>> routes(RoutingSnapshot s) {
        Map<String, List<String>> out = new TreeMap<>();
        s.routes()
                .forEach((group, byModel) -> byModel.forEach((model, table) -> {
                    List<String> tiers = new ArrayList<>();
                    table.tiers()
                            .forEach(t -> tiers.add(t.priority() + ":"
                                    + t.members().stream().map(Upstream::id).toList()));
                    out.put(group + "/" + model, tiers);
                }));
        return out;
    }

    /** A state-sync thread as the router builds it, over {@code repos}. */
    private static final class Harness {
        final QuotaLedger ledger = new QuotaLedger();
        final AtomicReference<RoutingSnapshot> current = new AtomicReference<>(RoutingSnapshot.empty());
        final StateSync sync;

        Harness(Repositories repos, BurnCloudConfig config) {
            InFlightRequests inFlight = new InFlightRequests("patch-test", TokenCounter.standard());
            UsageRecorder recorder = new UsageRecorder(repos.usage(), ledger, "patch-test", inFlight);
            AbandonedRequests abandoned = new AbandonedRequests(
                    repos.journal(),
                    "patch-test",
                    Duration.ofHours(1),
                    repos.database().kind() == DatabaseUrl.Kind.SQLITE);
            sync = new StateSync(repos, config, ledger, recorder, abandoned, current);
        }
    }
}
