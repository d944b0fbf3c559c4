package ai.burncloud.database;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Money;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-flight journal on every database: replaced per router with its flush, settled exactly once. */
abstract class JournalContract {
    private static final long DOLLAR = Money.NANOS_PER_DOLLAR;
    private static final Function<JournalEntry, RequestLog> AS_LOG = e -> new RequestLog(
            0,
            e.requestId(),
            e.createdAtMs(),
            e.userId(),
            e.tokenId(),
            null,
            e.endpoint(),
            e.model(),
            null,
            e.promptTokens(),
            e.completionTokens(),
            0,
            0,
            0,
            e.cost(),
            0,
            null,
            500,
            e.stream(),
            "interrupted",
            null,
            true,
            e.priceMissing(),
            "interrupted",
            e.clientIp());

    private Database db;
    private Repositories repos;
    private User alice;
    private Token key;

    protected abstract DatabaseUrl freshDatabase() throws Exception;

    protected void dropDatabase() throws Exception {}

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase());
        repos = Repositories.over(db);
        alice = repos.users().create(new NewUser("alice", "hash", Role.USER, "default", 10 * DOLLAR, null, null));
        key = repos.tokens()
                .create(new NewToken(alice.id(), "tok", "hash-1", "sk-hash", -1, -1, List.of(), List.of(), null, 0));
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    private JournalEntry entry(String instance, String requestId, long journaledAt, long cost) {
        return new JournalEntry(
                instance,
                requestId,
                journaledAt,
                journaledAt - 100,
                alice.id(),
                key.id(),
                "/v1/chat/completions",
                "gpt-4o",
                true,
                12,
                34,
                cost,
                false,
                "127.0.0.1");
    }

    private void journal(String instance, List<JournalEntry> inFlight) {
        repos.usage()
                .record(new UsageBatch(
                        List.of(),
                        java.util.Map.of(),
                        java.util.Map.of(),
                        java.util.Map.of(),
                        java.util.Map.of(),
                        new JournalUpdate(instance, inFlight)));
    }

    @Test
    void eachFlushReplacesOnlyItsOwnRoutersJournal() {
        journal("a", List.of(entry("a", "r1", 1_000, 5), entry("a", "r2", 1_000, 5)));
        journal("b", List.of(entry("b", "r3", 1_000, 5)));
        journal("a", List.of(entry("a", "r2", 2_000, 7)));

        assertThat(repos.journal().abandoned("c", Long.MAX_VALUE))
                .extracting(JournalEntry::requestId, JournalEntry::cost)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("r2", 7L), org.assertj.core.groups.Tuple.tuple("r3", 5L));
        // never a router's own rows, and only those older than the cut-off
        assertThat(repos.journal().abandoned("a", Long.MAX_VALUE))
                .extracting(JournalEntry::requestId)
                .containsExactly("r3");
        assertThat(repos.journal().abandoned("c", 1_500))
                .extracting(JournalEntry::requestId)
                .containsExactly("r3");
        JournalEntry read = repos.journal().abandoned("b", Long.MAX_VALUE).get(0);
        assertThat(read).isEqualTo(entry("a", "r2", 2_000, 7));

        journal("a", List.of());
        assertThat(repos.journal().abandoned("c", Long.MAX_VALUE))
                .extracting(JournalEntry::requestId)
                .containsExactly("r3");
    }

    @Test
    void anAbandonedRequestIsLoggedAndChargedExactlyOnceEvenWhenTwoRoutersSettleIt() throws Exception {
        journal("dead", List.of(entry("dead", "r1", 1_000, 3 * DOLLAR / 1000), entry("dead", "r2", 1_000, 1)));
        List<JournalEntry> found = repos.journal().abandoned("me", Long.MAX_VALUE);

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<List<RequestLog>> settle = () -> repos.journal().settleAbandoned(found, AS_LOG);
            Future<List<RequestLog>> first = two.submit(settle);
            Future<List<RequestLog>> second = two.submit(settle);
            assertThat(first.get().size() + second.get().size()).isEqualTo(2);
        } finally {
            two.shutdownNow();
        }
        long cost = 3 * DOLLAR / 1000 + 1;
        assertThat(repos.logs().query(LogQuery.all(1, 10)).items())
                .extracting(RequestLog::requestId, RequestLog::settlement)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("r1", "interrupted"),
                        org.assertj.core.groups.Tuple.tuple("r2", "interrupted"));
        assertThat(repos.tokens().findById(key.id()).orElseThrow().usedQuota()).isEqualTo(cost);
        assertThat(repos.users().findById(alice.id()).orElseThrow().balance()).isEqualTo(10 * DOLLAR - cost);
        assertThat(repos.journal().abandoned("me", Long.MAX_VALUE)).isEmpty();
        assertThat(repos.journal().settleAbandoned(found, AS_LOG)).isEmpty();
    }
}
