package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ApiKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounds on database work a flood of unknown keys can cause, on a clock the test moves. */
class KeyLookupTest {
    private static final KeyLookup.Limits LIMITS = new KeyLookup.Limits(2, 64, 8, 8, Duration.ofSeconds(10));

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Set<String> database = ConcurrentHashMap.newKeySet();
    private final Set<String> snapshot = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reloads = new AtomicInteger();
    private final KeyLookup lookup = new KeyLookup(
            database::contains,
            snapshot::contains,
            () -> {
                reloads.incrementAndGet();
                snapshot.addAll(database);
            },
            clock::get,
            LIMITS);

    @AfterEach
    void close() {
        lookup.close();
    }

    @Test
    void aFloodOfRandomKeysIsLookedUpOnlyWithinTheBudget() throws Exception {
        List<CompletableFuture<Void>> looked = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            CompletableFuture<Void> f = lookup.find(ApiKeys.generate());
            if (f != null) {
                looked.add(f);
            }
        }
        awaitAll(looked);
        assertThat(lookup.lookups()).isEqualTo(8);

        // the budget refills with time, and only so
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        looked.clear();
        for (int i = 0; i < 5_000; i++) {
            CompletableFuture<Void> f = lookup.find(ApiKeys.generate());
            if (f != null) {
                looked.add(f);
            }
        }
        awaitAll(looked);
        assertThat(lookup.lookups()).isEqualTo(12);
        assertThat(reloads).hasValue(0);
    }

    @Test
    void aKeyCreatedElsewhereIsFoundAndLoadedEvenWhenTheBudgetIsSpent() throws Exception {
        for (int i = 0; i < 100; i++) {
            CompletableFuture<Void> f = lookup.find(ApiKeys.generate());
            if (f != null) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
        // found keys give their unit back, so real keys keep getting through as long as misses leave room
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(125));
        for (int i = 0; i < 20; i++) {
            String key = ApiKeys.generate();
            database.add(ApiKeys.hash(key));
            CompletableFuture<Void> f = lookup.find(key);
            assertThat(f).as("key %d", i).isNotNull();
            f.get(10, TimeUnit.SECONDS);
            assertThat(snapshot).contains(ApiKeys.hash(key));
        }
        assertThat(reloads).hasValue(20);
    }

    @Test
    void anAbsentKeyIsRememberedBrieflyAndMalformedKeysAreNeverLookedUp() throws Exception {
        String key = ApiKeys.generate();
        lookup.find(key).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
            assertThat(lookup.find(key)).isNull();
        }
        assertThat(lookup.find("sk-short")).isNull();
        assertThat(lookup.find("Bearer " + ApiKeys.generate())).isNull();
        assertThat(lookup.find(ApiKeys.generate().replace('-', '!').replace('_', '!') + "x"))
                .isNull();
        assertThat(lookup.lookups()).isEqualTo(1);

        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        lookup.find(key).get(10, TimeUnit.SECONDS);
        assertThat(lookup.lookups()).isEqualTo(2);
    }

    @Test
    void concurrentMissesOfOneKeyShareOneLookup() throws Exception {
        String key = ApiKeys.generate();
        database.add(ApiKeys.hash(key));
        List<CompletableFuture<Void>> all = new ArrayList<>();
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        KeyLookup slow = new KeyLookup(
                h -> {
                    try {
                        gate.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return database.contains(h);
                },
                snapshot::contains,
                () -> snapshot.addAll(database),
                clock::get,
                LIMITS);
        try {
            for (int i = 0; i < 50; i++) {
                all.add(slow.find(key));
            }
            gate.countDown();
            awaitAll(all);
            assertThat(slow.lookups()).isEqualTo(1);
            assertThat(snapshot).contains(ApiKeys.hash(key));
        } finally {
            slow.close();
        }
    }

    private static void awaitAll(List<CompletableFuture<Void>> futures) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }
}
