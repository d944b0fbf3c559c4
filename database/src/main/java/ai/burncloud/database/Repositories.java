package ai.burncloud.database;

/** Every repository over one database. */
public record Repositories(
        Database database,
        UserRepository users,
        TokenRepository tokens,
        ChannelRepository channels,
        PriceRepository prices,
        RatioRepository ratios,
        RequestLogRepository logs,
        UsageRepository usage,
        RedemptionRepository redemptions,
        OptionRepository options,
        SessionRepository sessions,
        StatsRepository stats,
        ConfigVersion configVersion,
        ChannelKeys channelKeys,
        AuditRepository audit,
        JournalRepository journal,
        AdmissionRepository admission) {

    /**
     * Over {@code db}, with upstream keys encrypted by the key file the default configuration names
     * (beside a SQLite file; {@code burncloud.key} in the working directory for PostgreSQL).
     */
    public static Repositories over(Database db) {
        return over(db, new KeyCipher(new KeyFile(KeyCipher.defaultKeyFile(db.url()))));
    }

    /** Over {@code db}, with upstream keys encrypted by {@code cipher}. */
    public static Repositories over(Database db, KeyCipher cipher) {
        return new Repositories(
                db,
                new JdbcUserRepository(db),
                new JdbcTokenRepository(db),
                new JdbcChannelRepository(db, cipher),
                new JdbcPriceRepository(db),
                new JdbcRatioRepository(db),
                new JdbcRequestLogRepository(db),
                new JdbcUsageRepository(db),
                new JdbcRedemptionRepository(db),
                new JdbcOptionRepository(db),
                new JdbcSessionRepository(db),
                new JdbcStatsRepository(db),
                new ConfigVersion(db),
                new ChannelKeys(db, cipher),
                new JdbcAuditRepository(db),
                new JdbcJournalRepository(db),
                new JdbcAdmissionRepository(db));
    }
}
