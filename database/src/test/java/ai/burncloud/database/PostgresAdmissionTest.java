package ai.burncloud.database;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.AdmissionRepository.Verdict;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.database.testing.TestDatabases.PostgresSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission shared through PostgreSQL (migration V5): concurrent holds never reserve more than a
 * quota or a balance, a refusal leaves nothing behind, the flush that logs a request gives its hold
 * back, and a dead router's holds are given back exactly once.
 */
class PostgresAdmissionTest {
    private static final long NOW = 1_800_000_000_000L * 1_000_000L;

    private PostgresSchema schema;
    private Database db;
    private Repositories repos;
    private AdmissionRepository admission;
    private long userId;

    @BeforeEach
    void setUp() {
        schema = TestDatabases.freshPostgresSchema();
        db = Database.open(schema.url());
        repos = Repositories.over(db, new KeyCipher(KeySource.fixed(MasterKey.generate("test"))));
        admission = repos.admission();
        userId = repos.users()
                .create(new NewUser("alice", null, Role.USER, "default", 1_000, null, null))
                .id();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
        schema.close();
    }

    private long token(long quota, int rpm, int tpm) {
        return repos.tokens()
                .create(new NewToken(
                        userId,
                        "t",
                        "hash-" + System.nanoTime(),
                        "sk-x",
                        quota,
                        -1,
                        List.of(),
                        List.of(),
                        null,
                        rpm,
                        tpm))
                .id();
    }

    @Test
    void concurrentHoldsNeverReserveMoreThanTheQuota() throws Exception {
        long token = token(500, 0, 0); // quota 500: five holds of 100
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Verdict>> verdicts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "r" + i;
            verdicts.add(pool.submit(() -> admission.hold("a", id, token, userId, 100, 0, 0, 10, NOW)));
        }
        int admitted = 0;
        for (Future<Verdict> v : verdicts) {
            if (v.get() == Verdict.ADMITTED) {
                admitted++;
            } else {
                assertThat(v.get()).isEqualTo(Verdict.TOKEN_QUOTA);
            }
        }
        pool.shutdown();
        assertThat(admitted).isEqualTo(5);
        assertThat(held("tokens", "held_quota", token)).isEqualTo(500);
        assertThat(held("users", "held_balance", userId)).isEqualTo(500);
    }

    @Test
    void theBalanceIsSharedByTheOwnersKeysAndARefusalLeavesNothing() {
        long a = token(-1, 0, 10_000);
        long b = token(-1, 0, 0);
        assertThat(admission.hold("x", "r1", a, userId, 600, 0, 10_000, 100, NOW))
                .isEqualTo(Verdict.ADMITTED);
        assertThat(admission.hold("x", "r2", b, userId, 600, 0, 0, 100, NOW)).isEqualTo(Verdict.USER_BALANCE);
        // refused by the balance after its tokens were counted: the count goes back with it
        assertThat(admission.hold("x", "r3", a, userId, 600, 0, 10_000, 100, NOW))
                .isEqualTo(Verdict.USER_BALANCE);
        assertThat(rate("tpm_used", a)).isEqualTo(100);
        assertThat(held("users", "held_balance", userId)).isEqualTo(600);
        assertThat(count("admission_holds")).isEqualTo(1);
    }

    @Test
    void requestsPerMinuteIsABucketOfNThenOneEveryMinuteOverN() {
        long t = token(-1, 3, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(admission.hold("x", "r" + i, t, userId, 0, 3, 0, 1, NOW)).isEqualTo(Verdict.ADMITTED);
        }
        assertThat(admission.hold("x", "r3", t, userId, 0, 3, 0, 1, NOW)).isEqualTo(Verdict.REQUESTS_PER_MINUTE);
        assertThat(admission.hold("x", "r4", t, userId, 0, 3, 0, 1, NOW + 19_000_000_000L))
                .isEqualTo(Verdict.REQUESTS_PER_MINUTE);
        assertThat(admission.hold("x", "r5", t, userId, 0, 3, 0, 1, NOW + 20_000_000_000L))
                .isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void theFlushThatLogsARequestGivesItsHoldBackAndCorrectsItsTokens() {
        long t = token(1_000, 0, 5_000);
        assertThat(admission.hold("x", "req-1", t, userId, 300, 0, 5_000, 1_000, NOW))
                .isEqualTo(Verdict.ADMITTED);
        repos.usage().record(UsageBatch.of(List.of(log("req-1", t, 120, 40)), null));
        assertThat(held("tokens", "held_quota", t)).isZero();
        assertThat(held("users", "held_balance", userId)).isZero();
        assertThat(repos.tokens().findById(t).orElseThrow().usedQuota()).isEqualTo(120);
        assertThat(rate("tpm_used", t)).isEqualTo(40);
        assertThat(count("admission_holds")).isZero();
    }

    @Test
    void aDeadRoutersHoldsAreGivenBackOnceExceptThoseItJournaled() {
        long t = token(1_000, 0, 0);
        long now = System.currentTimeMillis();
        // "dead" last beat a minute ago: it does not count as alive
        assertThat(admission.beat("dead", now - 60_000, now - 60_000, now - 5_000))
                .isZero();
        assertThat(admission.beat("alive", now, now, now - 5_000)).isEqualTo(1);
        admission.hold("dead", "journaled", t, userId, 100, 0, 0, 10, NOW);
        admission.hold("dead", "unjournaled", t, userId, 200, 0, 0, 10, NOW);
        admission.hold("alive", "mine", t, userId, 50, 0, 0, 10, NOW);
        repos.usage()
                .record(new UsageBatch(
                        List.of(),
                        java.util.Map.of(),
                        java.util.Map.of(),
                        java.util.Map.of(),
                        java.util.Map.of(),
                        new JournalUpdate("dead", List.of(entry("journaled", t)))));

        assertThat(admission.releaseDead(now - 5_000)).isEqualTo(1);
        assertThat(admission.releaseDead(now - 5_000)).isZero();
        assertThat(held("tokens", "held_quota", t)).isEqualTo(150);

        // the journaled request's hold goes back with its interrupted charge, in one transaction
        repos.journal().settleAbandoned(List.of(entry("journaled", t)), e -> log(e.requestId(), t, 70, 5));
        assertThat(held("tokens", "held_quota", t)).isEqualTo(50);
        assertThat(repos.tokens().findById(t).orElseThrow().usedQuota()).isEqualTo(70);
        assertThat(count("router_instances")).isEqualTo(1);
    }

    private RequestLog log(String requestId, long tokenId, long cost, long tokens) {
        return new RequestLog(
                0,
                requestId,
                1L,
                userId,
                tokenId,
                null,
                "/v1/chat/completions",
                "m",
                null,
                tokens,
                0,
                0,
                0,
                0,
                cost,
                1,
                null,
                200,
                false,
                "completed",
                null,
                false,
                false,
                null,
                null);
    }

    private JournalEntry entry(String requestId, long tokenId) {
        return new JournalEntry(
                "dead", requestId, 1L, 1L, userId, tokenId, "/v1/chat/completions", "m", false, 1, 1, 70, false, null);
    }

    private long held(String table, String column, long id) {
        return db.read(c -> Sql.queryLong(c, "SELECT " + column + " FROM " + table + " WHERE id = ?", id));
    }

    private long rate(String column, long tokenId) {
        return db.read(c -> Sql.queryLong(c, "SELECT " + column + " FROM admission_rates WHERE token_id = ?", tokenId));
    }

    private long count(String table) {
        return db.read(c -> Sql.queryLong(c, "SELECT count(*) FROM " + table));
    }
}
