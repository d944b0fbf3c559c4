package ai.burncloud.router.translate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.router.provider.Providers;
import org.junit.jupiter.api.Test;

class TranslatorsTest {
    @Test
    void everyClientApiReachesEveryUpstreamDialect() {
        Translators translators = Translators.standard();
        for (ClientApi api : ClientApi.values()) {
            for (UpstreamDialect dialect : UpstreamDialect.values()) {
                assertThat(translators.forPair(api, dialect))
                        .as("%s → %s", api, dialect)
                        .isPresent();
            }
        }
    }

    @Test
    void everyChannelTypeHasAProvider() {
        Providers providers = Providers.standard();
        for (ChannelType type : ChannelType.values()) {
            assertThat(providers.forType(type)).as(type.id()).isNotNull();
        }
    }
}
