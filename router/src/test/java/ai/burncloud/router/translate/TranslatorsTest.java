package ai.burncloud.router.translate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.router.provider.Providers;
import org.junit.jupiter.api.Test;

class TranslatorsTest {
    @Test
    void everyPairButOpenAiPassthroughIsRegisteredHere() {
        Translators translators = Translators.standard();
        for (ClientApi api : ClientApi.values()) {
            for (UpstreamDialect dialect : UpstreamDialect.values()) {
                boolean lead = api == ClientApi.OPENAI && dialect == UpstreamDialect.OPENAI;
                assertThat(translators.forPair(api, dialect).isPresent())
                        .as("%s → %s", api, dialect)
                        .isEqualTo(!lead);
            }
        }
    }

    @Test
    void everyChannelTypeButOpenAiHasAProviderHere() {
        Providers providers = Providers.standard();
        for (ChannelType type : ChannelType.values()) {
            if (type != ChannelType.OPENAI) {
                assertThat(providers.forType(type)).as(type.id()).isNotNull();
            }
        }
    }
}
