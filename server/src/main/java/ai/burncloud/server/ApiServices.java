package ai.burncloud.server;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.Repositories;
import ai.burncloud.service.AuditTrail;
import ai.burncloud.service.ChannelAdmin;
import ai.burncloud.service.ChannelTester;
import ai.burncloud.service.ConsoleSessions;
import ai.burncloud.service.LoginThrottle;
import ai.burncloud.service.OptionAdmin;
import ai.burncloud.service.PasswordHasher;
import ai.burncloud.service.PriceAdmin;
import ai.burncloud.service.RatioAdmin;
import ai.burncloud.service.RedemptionAdmin;
import ai.burncloud.service.Registration;
import ai.burncloud.service.StatsQueries;
import ai.burncloud.service.StatsRecorder;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.UpstreamModels;
import ai.burncloud.service.UserAdmin;
import java.time.Clock;
import java.time.Duration;

/** The services the API is built on, over one database. Built once per control plane. */
record ApiServices(
        BurnCloudConfig config,
        Repositories repos,
        PasswordHasher hasher,
        ConsoleSessions sessions,
        LoginThrottle signupThrottle,
        UserAdmin users,
        TokenAdmin tokens,
        ChannelAdmin channels,
        PriceAdmin prices,
        RatioAdmin ratios,
        RedemptionAdmin redemptions,
        OptionAdmin options,
        Registration registration,
        StatsRecorder stats,
        StatsQueries statsQueries,
        ChannelTester tester,
        UpstreamModels upstreamModels,
        AuditTrail audit,
        Clock clock) {

    static final Duration SESSION_TTL = Duration.ofDays(7);

    static ApiServices over(BurnCloudConfig config, Repositories repos, PasswordHasher hasher, Clock clock) {
        OptionAdmin options = new OptionAdmin(repos, config);
        StatsRecorder stats = new StatsRecorder(repos.stats(), clock);
        return new ApiServices(
                config,
                repos,
                hasher,
                new ConsoleSessions(repos, hasher, LoginThrottle.standard(), clock, SESSION_TTL),
                LoginThrottle.standard(),
                new UserAdmin(repos, hasher),
                new TokenAdmin(repos),
                new ChannelAdmin(repos),
                new PriceAdmin(repos),
                new RatioAdmin(repos),
                new RedemptionAdmin(repos),
                options,
                new Registration(repos, hasher, options),
                stats,
                new StatsQueries(stats),
                new ChannelTester(repos, options, clock),
                new UpstreamModels(),
                new AuditTrail(repos, clock),
                clock);
    }
}
