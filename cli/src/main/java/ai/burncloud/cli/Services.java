package ai.burncloud.cli;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.Database;
import ai.burncloud.database.KeyCipher;
import ai.burncloud.database.Repositories;
import ai.burncloud.service.AuditTrail;
import ai.burncloud.service.ChannelAdmin;
import ai.burncloud.service.PasswordHasher;
import ai.burncloud.service.PriceAdmin;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.UserAdmin;

/** The admin services over one open database. */
record Services(
        Repositories repos,
        PriceAdmin prices,
        ChannelAdmin channels,
        TokenAdmin tokens,
        UserAdmin users,
        AuditTrail audit) {

    static Services over(Database db, BurnCloudConfig config) {
        Repositories repos = Repositories.over(db, KeyCipher.from(config));
        return new Services(
                repos,
                new PriceAdmin(repos),
                new ChannelAdmin(repos),
                new TokenAdmin(repos),
                new UserAdmin(repos, PasswordHasher.standard()),
                new AuditTrail(repos, java.time.Clock.systemUTC()));
    }
}
