package ai.burncloud.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every repository must do, whatever the database. One subclass per database supplies a fresh,
 * empty database for each test; the assertions are the same for all of them.
 */
abstract class RepositoryContract {
    private static final long DOLLAR = Money.NANOS_PER_DOLLAR;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path keyDir;

    protected Database db;
    protected Repositories repos;

    /** A database no other test uses; {@link Database#open} migrates it. */
    protected abstract DatabaseUrl freshDatabase() throws Exception;

    /** Drops whatever {@link #freshDatabase()} created, after the database is closed. */
    protected void dropDatabase() throws Exception {}

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase());
        repos = Repositories.over(db, new KeyCipher(new KeyFile(keyDir.resolve("burncloud.key"))));
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    // ---- audit log

    @Test
    void auditEntriesAreListedNewestFirstFilteredPagedAndPruned() {
        repos.audit().append(new AuditEntry(0, 1_000, "alice", "api", "channels", "1", "create", null, "{\"id\":1}"));
        repos.audit().append(new AuditEntry(0, 2_000, "cli@host", "cli", "channels", "1", "disable", "{}", "{}"));
        repos.audit().append(new AuditEntry(0, 3_000, "alice", "api", "users", "7", "delete", "{\"id\":7}", null));

        Page<AuditEntry> all = repos.audit().list(AuditQuery.all(), 1, 2);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(AuditEntry::action).containsExactly("delete", "disable");
        assertThat(repos.audit().list(AuditQuery.all(), 2, 2).items())
                .extracting(AuditEntry::action)
                .containsExactly("create");
        assertThat(repos.audit()
                        .list(new AuditQuery("alice", "channels", "1", null, null, null), 1, 10)
                        .items())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.after()).isEqualTo("{\"id\":1}");
                    assertThat(e.before()).isNull();
                    assertThat(e.atMs()).isEqualTo(1_000);
                });
        assertThat(repos.audit()
                        .list(new AuditQuery(null, null, null, null, 2_000L, 3_000L), 1, 10)
                        .items())
                .extracting(AuditEntry::actor)
                .containsExactly("cli@host");

        assertThat(repos.audit().deleteOlderThan(2_500)).isEqualTo(2);
        assertThat(repos.audit().list(AuditQuery.all(), 1, 10).items())
                .extracting(AuditEntry::entity)
                .containsExactly("users");
    }

    // ---- users

    @Test
    void rootUserExistsFromTheFirstMigrationWithUnlimitedBalance() {
        User root = repos.users().findByUsername("root").orElseThrow();
        assertThat(root.role()).isEqualTo(Role.ROOT);
        assertThat(root.balance()).isEqualTo(Money.UNLIMITED);
        assertThat(root.group()).isEqualTo("default");
        assertThat(root.passwordHash()).isNull();
    }

    @Test
    void usersAreCreatedFoundUpdatedAndDeleted() {
        User alice = repos.users().create(user("alice", 5 * DOLLAR));
        assertThat(alice.id()).isPositive();
        assertThat(alice.balance()).isEqualTo(5 * DOLLAR);
        assertThat(alice.status()).isEqualTo(Status.ENABLED);
        assertThat(repos.users().findById(alice.id())).contains(alice);

        User updated = repos.users()
                .update(alice.id(), new UserUpdate(Role.ADMIN, "vip", Status.DISABLED, "hash2", null))
                .orElseThrow();
        assertThat(updated.role()).isEqualTo(Role.ADMIN);
        assertThat(updated.group()).isEqualTo("vip");
        assertThat(updated.status()).isEqualTo(Status.DISABLED);
        assertThat(updated.passwordHash()).isEqualTo("hash2");
        assertThat(updated.balance()).isEqualTo(5 * DOLLAR);
        assertThat(repos.users().update(9999, UserUpdate.none())).isEmpty();

        assertThat(repos.users().delete(alice.id())).isTrue();
        assertThat(repos.users().delete(alice.id())).isFalse();
        assertThat(repos.users().findByUsername("alice")).isEmpty();
    }

    @Test
    void aTakenUsernameIsADuplicateKeyAndChangesNothing() {
        repos.users().create(user("alice", -1));
        long before = repos.users().all().size();
        assertThatThrownBy(() -> repos.users().create(user("alice", 3))).isInstanceOf(DuplicateKeyException.class);
        assertThat(repos.users().all()).hasSize((int) before);
    }

    @Test
    void usersArePagedWithTotalsAndSearchedLiterally() {
        for (int i = 0; i < 5; i++) {
            repos.users().create(user("user_" + i, -1));
        }
        repos.users().create(user("userX1", -1));
        Page<User> page = repos.users().list(null, 2, 3);
        assertThat(page.total()).isEqualTo(7); // root + 6
        assertThat(page.items()).extracting(User::username).containsExactly("user_2", "user_3", "user_4");
        // "_" is a literal underscore, not a LIKE wildcard
        Page<User> found = repos.users().list("USER_", 1, 100);
        assertThat(found.total()).isEqualTo(5);
        assertThat(found.items()).extracting(User::username).allMatch(n -> n.startsWith("user_"));
    }

    @Test
    void addBalanceMovesLimitedBalancesOnlyAndInviteCodesAreFound() {
        User limited = repos.users().create(user("limited", 2 * DOLLAR));
        User unlimited = repos.users().create(user("unlimited", Money.UNLIMITED));
        assertThat(repos.users().addBalance(limited.id(), DOLLAR)).contains(3 * DOLLAR);
        assertThat(repos.users().addBalance(unlimited.id(), DOLLAR)).contains(Money.UNLIMITED);
        assertThat(repos.users().addBalance(9999, DOLLAR)).isEmpty();

        repos.users().setInviteCode(limited.id(), "INV123");
        assertThat(repos.users().findByInviteCode("INV123")).map(User::id).contains(limited.id());
    }

    @Test
    void deletingAUserDeletesTheirTokensAndSessions() {
        User alice = repos.users().create(user("alice", -1));
        Token token = repos.tokens().create(token(alice.id(), "hash-a"));
        repos.sessions().create(new Session("sess-a", alice.id(), "csrf", 1, 4_000_000_000L));
        repos.users().delete(alice.id());
        assertThat(repos.tokens().findById(token.id())).isEmpty();
        assertThat(repos.sessions().find("sess-a")).isEmpty();
    }

    // ---- tokens

    @Test
    void tokensRoundTripEveryColumnIncludingJsonLists() {
        long root = rootId();
        Token t = repos.tokens()
                .create(new NewToken(
                        root,
                        "ci",
                        "hash-1",
                        "sk-abcd",
                        7 * DOLLAR,
                        1_900_000_000L,
                        List.of("gpt-4", "claude-3"),
                        List.of("10.0.0.0/8", "::1"),
                        "vip",
                        60,
                        90_000));
        Token read = repos.tokens().findById(t.id()).orElseThrow();
        assertThat(read).isEqualTo(t);
        assertThat(read.userId()).isEqualTo(root);
        assertThat(read.models()).containsExactly("gpt-4", "claude-3");
        assertThat(read.ipRanges()).containsExactly("10.0.0.0/8", "::1");
        assertThat(read.groupOverride()).isEqualTo("vip");
        assertThat(read.quotaLimit()).isEqualTo(7 * DOLLAR);
        assertThat(read.expiresAt()).isEqualTo(1_900_000_000L);
        assertThat(read.rpm()).isEqualTo(60);
        assertThat(read.tpm()).isEqualTo(90_000);
        assertThat(read.status()).isEqualTo(Status.ENABLED);
        assertThat(repos.tokens().findByKeyHash("hash-1")).contains(t);
        assertThat(repos.tokens().findByKeyHash("nope")).isEmpty();
    }

    @Test
    void tokenDefaultsAreUnlimitedNeverExpiringAndUnrestricted() {
        Token t = repos.tokens().create(token(rootId(), "hash-d"));
        assertThat(t.unlimited()).isTrue();
        assertThat(t.expiresAt()).isEqualTo(-1);
        assertThat(t.expiredAt(Long.MAX_VALUE)).isFalse();
        assertThat(t.models()).isEmpty();
        assertThat(t.ipRanges()).isEmpty();
        assertThat(t.groupOverride()).isNull();
        assertThat(t.usedQuota()).isZero();
    }

    @Test
    void tokenUpdatesChangeOnlyGivenFieldsAndEmptyValuesClear() {
        Token t = repos.tokens()
                .create(new NewToken(
                        rootId(), "a", "hash-u", "sk-uuuu", -1, -1, List.of("m1"), List.of("1.2.3.4"), "g", 5));
        Token renamed = repos.tokens()
                .update(t.id(), new TokenUpdate("b", null, null, null, null, null, null, null))
                .orElseThrow();
        assertThat(renamed.name()).isEqualTo("b");
        assertThat(renamed.models()).containsExactly("m1");
        assertThat(renamed.groupOverride()).isEqualTo("g");
        assertThat(renamed.rpm()).isEqualTo(5);
        assertThat(renamed.tpm()).isZero();
        assertThat(repos.tokens()
                        .update(t.id(), new TokenUpdate(null, null, null, null, null, null, null, null, 1000))
                        .orElseThrow()
                        .tpm())
                .isEqualTo(1000);

        Token cleared = repos.tokens()
                .update(t.id(), new TokenUpdate(null, 3L, 100L, List.of(), List.of(), "", 0, Status.DISABLED))
                .orElseThrow();
        assertThat(cleared.models()).isEmpty();
        assertThat(cleared.ipRanges()).isEmpty();
        assertThat(cleared.groupOverride()).isNull();
        assertThat(cleared.quotaLimit()).isEqualTo(3);
        assertThat(cleared.expiresAt()).isEqualTo(100);
        assertThat(cleared.status()).isEqualTo(Status.DISABLED);
        assertThat(repos.tokens().update(9999, TokenUpdate.status(Status.ENABLED)))
                .isEmpty();
    }

    @Test
    void tokensArePagedPerUserAndDeleted() {
        User alice = repos.users().create(user("alice", -1));
        for (int i = 0; i < 3; i++) {
            repos.tokens().create(token(alice.id(), "a" + i));
        }
        repos.tokens().create(token(rootId(), "r0"));
        assertThat(repos.tokens().list(null, 1, 2).total()).isEqualTo(4);
        assertThat(repos.tokens().list(null, 1, 2).items()).hasSize(2);
        Page<Token> mine = repos.tokens().list(alice.id(), 2, 2);
        assertThat(mine.total()).isEqualTo(3);
        assertThat(mine.items()).extracting(Token::keyHash).containsExactly("a2");
        long id = mine.items().get(0).id();
        assertThat(repos.tokens().delete(id)).isTrue();
        assertThat(repos.tokens().delete(id)).isFalse();
        assertThat(repos.tokens().all()).hasSize(3);
    }

    @Test
    void aDuplicateKeyHashIsRejected() {
        repos.tokens().create(token(rootId(), "same"));
        assertThatThrownBy(() -> repos.tokens().create(token(rootId(), "same")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(repos.tokens().all()).hasSize(1);
    }

    // ---- channels and abilities

    @Test
    void addingAChannelDerivesOneAbilityPerGroupAndModel() {
        Channel ch = repos.channels().create(channelSpec(List.of("gpt-4", "gpt-3.5"), List.of("default", "vip"), 3, 7));
        assertThat(ch.status()).isEqualTo(ChannelStatus.ENABLED);
        assertThat(repos.channels().abilities())
                .containsExactlyInAnyOrder(
                        new Ability("default", "gpt-4", ch.id(), true, 3, 7),
                        new Ability("default", "gpt-3.5", ch.id(), true, 3, 7),
                        new Ability("vip", "gpt-4", ch.id(), true, 3, 7),
                        new Ability("vip", "gpt-3.5", ch.id(), true, 3, 7));
    }

    @Test
    void updatingAChannelRewritesItsAbilitiesOnly() {
        Channel a = repos.channels().create(channelSpec(List.of("gpt-4"), List.of("default"), 0, 1));
        Channel b = repos.channels().create(channelSpec(List.of("gpt-4"), List.of("default"), 0, 1));
        ChannelSpec changed = new ChannelSpec(
                "renamed",
                ChannelType.ANTHROPIC,
                "https://api.anthropic.com",
                "key2",
                List.of("claude-3"),
                List.of("vip"),
                9,
                4,
                Map.of("claude-3", "claude-3-opus-20240229"),
                "{\"anthropic_version\":\"2023-06-01\"}");
        Channel updated = repos.channels().update(a.id(), changed).orElseThrow();
        assertThat(updated.spec()).isEqualTo(changed);
        assertThat(repos.channels().abilities())
                .containsExactlyInAnyOrder(
                        new Ability("vip", "claude-3", a.id(), true, 9, 4),
                        new Ability("default", "gpt-4", b.id(), true, 0, 1));
        assertThat(repos.channels().update(9999, changed)).isEmpty();
    }

    @Test
    void disablingAndEnablingAChannelFlipsItsAbilities() {
        Channel ch = repos.channels().create(channelSpec(List.of("m1", "m2"), List.of("default"), 0, 0));
        Channel off = repos.channels()
                .setStatus(ch.id(), ChannelStatus.AUTO_DISABLED, "401 from upstream")
                .orElseThrow();
        assertThat(off.status()).isEqualTo(ChannelStatus.AUTO_DISABLED);
        assertThat(off.statusReason()).isEqualTo("401 from upstream");
        assertThat(repos.channels().abilities()).hasSize(2).noneMatch(Ability::enabled);

        repos.channels().setStatus(ch.id(), ChannelStatus.ENABLED, null);
        assertThat(repos.channels().abilities()).hasSize(2).allMatch(Ability::enabled);

        // an update of a disabled channel keeps its abilities disabled
        repos.channels().setStatus(ch.id(), ChannelStatus.DISABLED, "by admin");
        repos.channels().update(ch.id(), channelSpec(List.of("m3"), List.of("default"), 0, 0));
        assertThat(repos.channels().abilities()).singleElement().satisfies(a -> {
            assertThat(a.model()).isEqualTo("m3");
            assertThat(a.enabled()).isFalse();
        });
        assertThat(repos.channels().setStatus(9999, ChannelStatus.ENABLED, null))
                .isEmpty();
    }

    @Test
    void deletingAChannelDeletesItsAbilities() {
        Channel ch = repos.channels().create(channelSpec(List.of("m1"), List.of("default"), 0, 0));
        Channel other = repos.channels().create(channelSpec(List.of("m1"), List.of("default"), 0, 0));
        assertThat(repos.channels().delete(ch.id())).isTrue();
        assertThat(repos.channels().findById(ch.id())).isEmpty();
        assertThat(repos.channels().abilities()).extracting(Ability::channelId).containsOnly(other.id());
        assertThat(repos.channels().delete(ch.id())).isFalse();
    }

    @Test
    void channelsRoundTripMappingConfigAndTestResultsAndArePaged() {
        Map<String, String> mapping = Map.of("gpt-4", "gpt-4-0613");
        Channel ch = repos.channels()
                .create(new ChannelSpec(
                        "azure-east",
                        ChannelType.AZURE,
                        "https://east.openai.azure.com",
                        "k",
                        List.of("gpt-4"),
                        List.of("default"),
                        1,
                        2,
                        mapping,
                        "{\"api_version\":\"2024-02-01\"}"));
        assertThat(ch.modelMapping()).isEqualTo(mapping);
        assertThat(ch.config()).isEqualTo("{\"api_version\":\"2024-02-01\"}");
        assertThat(ch.lastTest()).isNull();

        ChannelTest result = new ChannelTest(1_700_000_000L, true, 120L, 80L, new BigDecimal("42.5"), null);
        repos.channels().recordTest(ch.id(), result);
        assertThat(repos.channels().findById(ch.id()).orElseThrow().lastTest()).isEqualTo(result);

        for (int i = 0; i < 4; i++) {
            repos.channels().create(channelSpec(List.of("m"), List.of("default"), 0, 0));
        }
        Page<Channel> page = repos.channels().list(2, 2);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).hasSize(2);
        assertThat(repos.channels().all()).hasSize(5);
    }

    // ---- prices and ratios

    @Test
    void pricesAreExactNanoDollarsAndAliasesReplaceOwnPrices() {
        Price gpt4 = repos.prices().setPrice("gpt-4", 30 * DOLLAR, 60 * DOLLAR, null);
        assertThat(gpt4)
                .extracting(Price::input, Price::output, Price::cachedInput, Price::aliasFor)
                .containsExactly(30 * DOLLAR, 60 * DOLLAR, null, null);
        repos.prices().setPrice("gpt-4", 30 * DOLLAR, 60 * DOLLAR, 15 * DOLLAR);
        assertThat(repos.prices().find("gpt-4").orElseThrow().cachedInput()).isEqualTo(15 * DOLLAR);

        Price alias = repos.prices().setAlias("gpt-4-turbo", "gpt-4");
        assertThat(alias.isAlias()).isTrue();
        assertThat(alias.aliasFor()).isEqualTo("gpt-4");

        // giving an alias its own price clears the alias
        Price own = repos.prices().setPrice("gpt-4-turbo", 10 * DOLLAR, 30 * DOLLAR, null);
        assertThat(own.isAlias()).isFalse();
        // and making a priced model an alias clears its price
        Price again = repos.prices().setAlias("gpt-4-turbo", "gpt-4");
        assertThat(again.input()).isZero();
        assertThat(again.cachedInput()).isNull();

        assertThat(repos.prices().all()).extracting(Price::model).containsExactly("gpt-4", "gpt-4-turbo");
        assertThat(repos.prices().delete("gpt-4")).isTrue();
        assertThat(repos.prices().delete("gpt-4")).isFalse();
        assertThat(repos.prices().find("gpt-4")).isEmpty();
        assertThat(repos.prices().find("gpt-4-turbo").orElseThrow().aliasFor()).isEqualTo("gpt-4");
    }

    @Test
    void ratiosRoundTripExactDecimals() {
        assertThat(repos.ratios().findGroupRatio("default").orElseThrow().ratio())
                .isEqualByComparingTo("1");
        repos.ratios().setModelRatio("gpt-3.5", new BigDecimal("0.75"), new BigDecimal("1.333333"));
        assertThat(repos.ratios().findModelRatio("gpt-3.5").orElseThrow())
                .isEqualTo(new ModelRatio("gpt-3.5", new BigDecimal("0.75"), new BigDecimal("1.333333")));
        assertThat(repos.ratios().modelRatios()).hasSize(1);
        assertThat(repos.ratios().deleteModelRatio("gpt-3.5")).isTrue();
        assertThat(repos.ratios().deleteModelRatio("gpt-3.5")).isFalse();

        repos.ratios().setGroupRatio("vip", new BigDecimal("0.5"), "VIPs");
        GroupRatio kept = repos.ratios().setGroupRatio("vip", new BigDecimal("0.8"), null);
        assertThat(kept).isEqualTo(new GroupRatio("vip", new BigDecimal("0.8"), "VIPs"));
        assertThat(repos.ratios().groupRatios()).extracting(GroupRatio::group).containsExactly("default", "vip");
        assertThat(repos.ratios().deleteGroupRatio("vip")).isTrue();
        assertThat(repos.ratios().findGroupRatio("vip")).isEmpty();
    }

    // ---- usage and the request log

    @Test
    void usageIsRecordedAsOneBatchAndLeavesUnlimitedBalancesAlone() {
        User limited = repos.users().create(user("limited", 10 * DOLLAR));
        long root = rootId();
        Token t1 = repos.tokens().create(token(limited.id(), "t1"));
        Token t2 = repos.tokens().create(token(root, "t2"));
        Channel ch = repos.channels().create(channelSpec(List.of("gpt-4"), List.of("default"), 0, 0));
        long cost = 15_000_000L; // $0.015
        repos.usage()
                .record(new UsageBatch(
                        List.of(
                                log("r1", limited.id(), t1.id(), ch.id(), cost),
                                log("r2", root, t2.id(), ch.id(), cost)),
                        Map.of(t1.id(), cost, t2.id(), cost),
                        Map.of(limited.id(), cost, root, cost),
                        Map.of(limited.id(), 1L, root, 1L),
                        Map.of(ch.id(), 2 * cost)));

        User l = repos.users().findById(limited.id()).orElseThrow();
        assertThat(l.balance()).isEqualTo(10 * DOLLAR - cost);
        assertThat(l.usedQuota()).isEqualTo(cost);
        assertThat(l.requestCount()).isEqualTo(1);
        User r = repos.users().findById(root).orElseThrow();
        assertThat(r.balance()).isEqualTo(Money.UNLIMITED);
        assertThat(r.usedQuota()).isEqualTo(cost);
        assertThat(repos.tokens().findById(t1.id()).orElseThrow().usedQuota()).isEqualTo(cost);
        assertThat(repos.channels().findById(ch.id()).orElseThrow().usedQuota()).isEqualTo(2 * cost);
        assertThat(repos.logs().query(LogQuery.all(1, 10)).total()).isEqualTo(2);
    }

    @Test
    void aFailingUsageBatchRecordsNothing() {
        Token t = repos.tokens().create(token(rootId(), "t"));
        RequestLog good = log("good", rootId(), t.id(), null, 5);
        RequestLog bad = new RequestLog(
                0, "bad", 1, null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, null, 200, false, null, null,
                false, false, null, null); // endpoint and settlement are NOT NULL
        UsageBatch batch =
                new UsageBatch(List.of(good, bad), Map.of(t.id(), 5L), Map.of(rootId(), 5L), Map.of(), Map.of());
        assertThatThrownBy(() -> repos.usage().record(batch)).isInstanceOf(DataAccessException.class);
        assertThat(repos.logs().query(LogQuery.all(1, 10)).total()).isZero();
        assertThat(repos.tokens().findById(t.id()).orElseThrow().usedQuota()).isZero();
    }

    @Test
    void aBatchOfRequestCountsAloneIsRecorded() {
        long root = rootId();
        repos.usage().record(new UsageBatch(List.of(), Map.of(), Map.of(), Map.of(root, 3L), Map.of()));
        assertThat(repos.users().findById(root).orElseThrow().requestCount()).isEqualTo(3);
    }

    @Test
    void requestLogsAreFilteredPagedAndStreamedNewestFirst() {
        long root = rootId();
        List<RequestLog> logs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            logs.add(new RequestLog(
                    0,
                    "req-" + i,
                    1000L + i,
                    root,
                    null,
                    7L,
                    "/v1/chat/completions",
                    i % 2 == 0 ? "gpt-4" : "claude",
                    "up",
                    100,
                    200,
                    0,
                    0,
                    0,
                    15_000_000L,
                    30,
                    10L,
                    i == 4 ? 502 : 200,
                    i % 2 == 0,
                    "completed",
                    null,
                    false,
                    false,
                    null,
                    "127.0.0.1"));
        }
        repos.usage().record(new UsageBatch(logs, Map.of(), Map.of(), Map.of(), Map.of()));

        Page<RequestLog> gpt4 =
                repos.logs().query(new LogQuery(null, null, "gpt-4", null, null, null, null, null, 1, 2));
        assertThat(gpt4.total()).isEqualTo(3);
        assertThat(gpt4.items()).extracting(RequestLog::requestId).containsExactly("req-4", "req-2");
        assertThat(gpt4.items().get(0).stream()).isTrue();
        assertThat(repos.logs()
                        .query(new LogQuery(1001L, 1003L, null, null, 7L, root, 200, false, 1, 10))
                        .items())
                .extracting(RequestLog::requestId)
                .containsExactly("req-3", "req-1");
        RequestLog first = repos.logs().query(LogQuery.all(5, 1)).items().get(0);
        assertThat(first).usingRecursiveComparison().ignoringFields("id").isEqualTo(logs.get(0));

        List<String> streamed = new ArrayList<>();
        repos.logs().forEach(LogQuery.all(1, 1), l -> streamed.add(l.requestId()));
        assertThat(streamed).containsExactly("req-4", "req-3", "req-2", "req-1", "req-0");
    }

    // ---- redemptions, options, sessions

    @Test
    void aRedemptionCodeIsRedeemedExactlyOnce() {
        User u = repos.users().create(user("u", DOLLAR));
        List<Long> ids = repos.redemptions()
                .createBatch(
                        "promo",
                        5 * DOLLAR,
                        List.of(new String[] {"code-hash-1", "rc-1"}, new String[] {"code-hash-2", "rc-2"}),
                        rootId());
        assertThat(ids).hasSize(2);
        assertThat(repos.redemptions().redeem("code-hash-1", u.id())).hasValue(5 * DOLLAR);
        assertThat(repos.redemptions().redeem("code-hash-1", u.id())).isEmpty();
        assertThat(repos.redemptions().redeem("unknown", u.id())).isEmpty();
        assertThat(repos.users().findById(u.id()).orElseThrow().balance()).isEqualTo(6 * DOLLAR);

        Page<Redemption> page = repos.redemptions().list(1, 10);
        assertThat(page.total()).isEqualTo(2);
        Redemption used = page.items().stream()
                .filter(r -> r.status().equals("used"))
                .findFirst()
                .orElseThrow();
        assertThat(used.redeemedBy()).isEqualTo(u.id());
        assertThat(repos.redemptions().deleteUnused(used.id())).isFalse();
        assertThat(repos.redemptions().deleteUnused(ids.get(1))).isTrue();
        assertThat(repos.redemptions().list(1, 10).total()).isEqualTo(1);
    }

    @Test
    void concurrentRedeemersOfOneCodeCreditItOnce() throws Exception {
        User u = repos.users().create(user("u", 0));
        repos.redemptions().createBatch("race", 2 * DOLLAR, List.<String[]>of(new String[] {"race-hash", "rc"}), null);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OptionalLong>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<OptionalLong> redeem = () -> {
                    start.await();
                    return repos.redemptions().redeem("race-hash", u.id());
                };
                results.add(pool.submit(redeem));
            }
            start.countDown();
            int credited = 0;
            for (Future<OptionalLong> f : results) {
                if (f.get().isPresent()) {
                    credited++;
                }
            }
            assertThat(credited).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repos.users().findById(u.id()).orElseThrow().balance()).isEqualTo(2 * DOLLAR);
    }

    @Test
    void optionsAreUpsertedAndListedByName() {
        repos.options().putAll(Map.of("register_enabled", "true", "bonus", "1"));
        repos.options().putAll(Map.of("bonus", "2"));
        assertThat(repos.options().get("bonus")).contains("2");
        assertThat(repos.options().get("missing")).isEmpty();
        assertThat(repos.options().all())
                .containsExactly(Map.entry("bonus", "2"), Map.entry("register_enabled", "true"));
    }

    @Test
    void sessionsAreFoundDeletedAndExpired() {
        long root = rootId();
        repos.sessions().create(new Session("s1", root, "c1", 100, 200));
        repos.sessions().create(new Session("s2", root, "c2", 100, 400));
        assertThat(repos.sessions().find("s1")).contains(new Session("s1", root, "c1", 100, 200));
        assertThat(repos.sessions().deleteExpired(300)).isEqualTo(1);
        assertThat(repos.sessions().find("s1")).isEmpty();
        assertThat(repos.sessions().delete("s2")).isTrue();
        assertThat(repos.sessions().delete("s2")).isFalse();
    }

    // ---- config version

    @Test
    void everyConfigurationWriteBumpsTheConfigVersionAndReadsDoNot() {
        ConfigVersion version = repos.configVersion();
        long v0 = version.current();
        assertThat(v0).isPositive();
        repos.prices().setPrice("m", 1, 2, null);
        long v1 = version.current();
        assertThat(v1).isGreaterThan(v0);
        Channel ch = repos.channels().create(channelSpec(List.of("m"), List.of("default"), 0, 0));
        long v2 = version.current();
        assertThat(v2).isGreaterThan(v1);
        repos.channels().setStatus(ch.id(), ChannelStatus.DISABLED, null);
        long v3 = version.current();
        assertThat(v3).isGreaterThan(v2);
        repos.tokens().create(token(rootId(), "h"));
        long v4 = version.current();
        assertThat(v4).isGreaterThan(v3);
        repos.users().create(user("x", -1));
        long v5 = version.current();
        assertThat(v5).isGreaterThan(v4);
        repos.ratios().setGroupRatio("g", BigDecimal.ONE, null);
        long v6 = version.current();
        assertThat(v6).isGreaterThan(v5);

        repos.prices().all();
        repos.channels().abilities();
        repos.tokens().all();
        assertThat(version.current()).isEqualTo(v6);
    }

    // ---- helpers

    protected long rootId() {
        return repos.users().findByUsername("root").orElseThrow().id();
    }

    protected static NewUser user(String name, long balance) {
        return new NewUser(name, "hash", Role.USER, "default", balance, null, null);
    }

    protected static NewToken token(long userId, String hash) {
        return new NewToken(
                userId,
                "tok",
                hash,
                "sk-" + hash.substring(0, Math.min(4, hash.length())),
                -1,
                -1,
                List.of(),
                List.of(),
                null,
                0);
    }

    protected static ChannelSpec channelSpec(List<String> models, List<String> groups, int priority, int weight) {
        return new ChannelSpec(
                "main",
                ChannelType.OPENAI,
                "https://api.openai.com/v1",
                "sk-upstream",
                models,
                groups,
                priority,
                weight,
                Map.of(),
                null);
    }

    private static RequestLog log(String requestId, Long userId, Long tokenId, Long channelId, long cost) {
        return new RequestLog(
                0,
                requestId,
                System.currentTimeMillis(),
                userId,
                tokenId,
                channelId,
                "/v1/chat/completions",
                "gpt-4",
                "gpt-4",
                100,
                200,
                0,
                0,
                0,
                cost,
                50,
                20L,
                200,
                false,
                "completed",
                null,
                false,
                false,
                null,
                "127.0.0.1");
    }
}
