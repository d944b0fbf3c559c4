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
        JournalRepository journal) {

    public static Repositories over(Database db) {
        return new Repositories(
                db,
                new JdbcUserRepository(db),
                new JdbcTokenRepository(db),
                new JdbcChannelRepository(db),
                new JdbcPriceRepository(db),
                new JdbcRatioRepository(db),
                new JdbcRequestLogRepository(db),
                new JdbcUsageRepository(db),
                new JdbcRedemptionRepository(db),
                new JdbcOptionRepository(db),
                new JdbcSessionRepository(db),
                new JdbcStatsRepository(db),
                new ConfigVersion(db),
                new JdbcJournalRepository(db));
    }
}
