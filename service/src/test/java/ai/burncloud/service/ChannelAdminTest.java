package ai.burncloud.service;

import static ai.burncloud.service.ServiceException.Kind.INVALID;
import static ai.burncloud.service.ServiceException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelAdminTest extends AdminTestBase {
    private ChannelAdmin channels() {
        return new ChannelAdmin(repos);
    }

    private static ChannelRequest request(String type, String baseUrl, String key, String config) {
        return new ChannelRequest("c", type, baseUrl, key, List.of("gpt-4"), null, null, null, null, config);
    }

    @ParameterizedTest
    @CsvSource({
        "openai, https://api.openai.com/v1",
        "qwen, https://dashscope.aliyuncs.com/compatible-mode/v1",
        "anthropic, https://api.anthropic.com",
        "gemini, https://generativelanguage.googleapis.com",
        "OpenAI, https://api.openai.com/v1"
    })
    void baseUrlsDefaultToThePublicEndpoint(String type, String expected) {
        assertThat(channels().add(request(type, null, "k", null)).baseUrl()).isEqualTo(expected);
    }

    @Test
    void trailingSlashesNeverMatterAndBedrockDerivesItsUrlFromTheRegion() {
        assertThat(channels()
                        .add(request("openai", "http://localhost:11434/v1///", "k", null))
                        .baseUrl())
                .isEqualTo("http://localhost:11434/v1");
        assertThat(channels()
                        .add(request("azure", "https://name.openai.azure.com/", "k", null))
                        .baseUrl())
                .isEqualTo("https://name.openai.azure.com");
        Channel bedrock = channels().add(request("bedrock", null, "AKIA1|secret", "{\"region\":\"eu-west-1\"}"));
        assertThat(bedrock.baseUrl()).isEqualTo("https://bedrock-runtime.eu-west-1.amazonaws.com");
        assertThat(bedrock.config()).isEqualTo("{\"region\":\"eu-west-1\"}");
        assertThat(channels().add(request("bedrock", null, "AKIA1|secret|session", "{\"region\":\"us-east-1\"}")))
                .isNotNull();
    }

    @Test
    void addingAChannelStoresEveryFieldAndDerivesAbilities() {
        Channel ch = channels()
                .add(new ChannelRequest(
                        "main",
                        "openai",
                        null,
                        "sk-upstream-key-123456",
                        List.of("gpt-4", "gpt-3.5-turbo"),
                        List.of("default", "vip"),
                        5,
                        10,
                        "{\"gpt-4\":\"gpt-4-0613\"}",
                        "{\"organization\":\"org-1\"}"));
        assertThat(ch.type()).isEqualTo(ChannelType.OPENAI);
        assertThat(ch.modelMapping()).isEqualTo(Map.of("gpt-4", "gpt-4-0613"));
        assertThat(ch.config()).isEqualTo("{\"organization\":\"org-1\"}");
        assertThat(channels().abilities(ch.id()))
                .hasSize(4)
                .allMatch(a -> a.enabled() && a.priority() == 5 && a.weight() == 10);
        assertThat(KeyHint.of(ch.apiKey())).isEqualTo("sk-u...3456");
    }

    @Test
    void badInputIsRefusedBeforeAnyWrite() {
        assertRefused(INVALID, "unknown channel type 'foo'", () -> channels().add(request("foo", null, "k", null)));
        assertRefused(INVALID, "channel type is required", () -> channels().add(request(null, null, "k", null)));
        assertRefused(
                INVALID, "azure channels need --base-url", () -> channels().add(request("azure", null, "k", null)));
        assertRefused(INVALID, "http:// or https://", () -> channels().add(request("openai", "ftp://x", "k", null)));
        assertRefused(INVALID, "key", () -> channels().add(request("openai", null, " ", null)));
        assertRefused(
                INVALID,
                "ACCESS_KEY_ID|SECRET_ACCESS_KEY",
                () -> channels().add(request("bedrock", null, "justone", "{\"region\":\"us-east-1\"}")));
        assertRefused(
                INVALID,
                "ACCESS_KEY_ID|SECRET_ACCESS_KEY",
                () -> channels().add(request("bedrock", null, "a||c", "{\"region\":\"us-east-1\"}")));
        assertRefused(INVALID, "region", () -> channels().add(request("bedrock", null, "a|b", null)));
        assertRefused(
                INVALID, "region", () -> channels().add(request("bedrock", "https://vpce.example.com", "a|b", "{}")));
        assertRefused(INVALID, "config is not valid JSON", () -> channels().add(request("openai", null, "k", "{")));
        assertRefused(
                INVALID, "config must be a JSON object", () -> channels().add(request("openai", null, "k", "[1]")));
        assertRefused(INVALID, "config is not valid JSON", () -> channels().add(request("openai", null, "k", "{} x")));
        assertRefused(
                INVALID,
                "models",
                () -> channels()
                        .add(new ChannelRequest("c", "openai", null, "k", List.of(), null, null, null, null, null)));
        assertRefused(
                INVALID,
                "weight",
                () -> channels()
                        .add(new ChannelRequest("c", "openai", null, "k", List.of("m"), null, null, -1, null, null)));
        assertRefused(
                INVALID,
                "model mapping",
                () -> channels()
                        .add(new ChannelRequest(
                                "c", "openai", null, "k", List.of("m"), null, null, null, "{\"a\":1}", null)));
        assertRefused(
                INVALID,
                "model mapping is not valid JSON",
                () -> channels()
                        .add(new ChannelRequest(
                                "c", "openai", null, "k", List.of("m"), null, null, null, "{\"a\":", null)));
        assertRefused(
                INVALID,
                "channel name",
                () -> channels()
                        .add(new ChannelRequest(
                                null, "openai", null, "k", List.of("m"), null, null, null, null, null)));
    }

    @Test
    void updatesMergeValidateAndRewriteAbilities() {
        Channel ch = channels().add(request("openai", null, "k", null));
        Channel moved = channels()
                .update(
                        ch.id(),
                        new ChannelRequest(
                                null, "anthropic", null, null, List.of("claude-3"), List.of("vip"), 2, 3, null, null));
        assertThat(moved.type()).isEqualTo(ChannelType.ANTHROPIC);
        assertThat(moved.baseUrl()).isEqualTo("https://api.anthropic.com"); // the default followed the type
        assertThat(moved.name()).isEqualTo("c");
        assertThat(moved.apiKey()).isEqualTo("k");
        assertThat(channels().abilities(ch.id())).containsExactly(new Ability("vip", "claude-3", ch.id(), true, 2, 3));

        Channel custom = channels()
                .update(
                        ch.id(),
                        new ChannelRequest(
                                null,
                                null,
                                "https://proxy.example.com/",
                                null,
                                null,
                                null,
                                null,
                                null,
                                "{\"x\":\"y\"}",
                                null));
        assertThat(custom.baseUrl()).isEqualTo("https://proxy.example.com");
        assertThat(custom.modelMapping()).containsEntry("x", "y");
        Channel keptUrl = channels()
                .update(ch.id(), new ChannelRequest(null, "openai", null, null, null, null, null, null, "{}", null));
        assertThat(keptUrl.baseUrl()).isEqualTo("https://proxy.example.com"); // a custom URL is kept
        assertThat(keptUrl.modelMapping()).isEmpty();

        assertRefused(
                INVALID,
                "region",
                () -> channels()
                        .update(
                                ch.id(),
                                new ChannelRequest(null, "bedrock", null, "a|b", null, null, null, null, null, null)));
        assertRefused(INVALID, "nothing to update", () -> channels().update(ch.id(), ChannelRequest.empty()));
        assertRefused(
                NOT_FOUND,
                "no channel with id 99",
                () -> channels()
                        .update(99, new ChannelRequest("n", null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void channelsAreDisabledEnabledAndDeletedWithTheirAbilities() {
        Channel ch = channels().add(request("openai", null, "k", null));
        assertThat(channels().disable(ch.id()).status()).isEqualTo(ChannelStatus.DISABLED);
        assertThat(channels().abilities(ch.id())).noneMatch(Ability::enabled);
        assertThat(channels().enable(ch.id()).status()).isEqualTo(ChannelStatus.ENABLED);
        assertThat(channels().abilities(ch.id())).allMatch(Ability::enabled);
        channels().delete(ch.id());
        assertThat(channels().abilities(ch.id())).isEmpty();
        assertRefused(NOT_FOUND, "no channel with id", () -> channels().get(ch.id()));
        assertRefused(NOT_FOUND, "no channel with id", () -> channels().delete(ch.id()));
        assertRefused(NOT_FOUND, "no channel with id", () -> channels().enable(ch.id()));
        assertRefused(NOT_FOUND, "no channel with id", () -> channels().disable(ch.id()));
    }

    @Test
    void aNewKeyReEnablesAChannelDisabledBecauseItsUpstreamRejectedTheOldOne() {
        Channel ch = channels().add(request("openai", null, "old", null));
        repos.channels()
                .setStatus(
                        ch.id(),
                        ChannelStatus.AUTO_DISABLED,
                        ChannelAdmin.UPSTREAM_AUTH_REASON + " (HTTP 401): {\"error\":\"bad key\"}");
        Channel renamed = channels()
                .update(ch.id(), new ChannelRequest("renamed", null, null, null, null, null, null, null, null, null));
        assertThat(renamed.status()).as("a change that is not the key").isEqualTo(ChannelStatus.AUTO_DISABLED);

        Channel rekeyed = channels()
                .update(ch.id(), new ChannelRequest(null, null, null, "new", null, null, null, null, null, null));
        assertThat(rekeyed.status()).isEqualTo(ChannelStatus.ENABLED);
        assertThat(rekeyed.statusReason()).isNull();
        assertThat(channels().abilities(ch.id())).allMatch(Ability::enabled);
    }

    @Test
    void aNewKeyLeavesOtherDisabledChannelsAsTheyAre() {
        Channel byOperator = channels().add(request("openai", null, "k", null));
        channels().disable(byOperator.id());
        assertThat(channels()
                        .update(
                                byOperator.id(),
                                new ChannelRequest(null, null, null, "new", null, null, null, null, null, null))
                        .status())
                .isEqualTo(ChannelStatus.DISABLED);
        Channel slow = channels().add(request("openai", null, "k", null));
        repos.channels().setStatus(slow.id(), ChannelStatus.AUTO_DISABLED, "speed test failed: timed out");
        assertThat(channels()
                        .update(
                                slow.id(),
                                new ChannelRequest(null, null, null, "new", null, null, null, null, null, null))
                        .status())
                .isEqualTo(ChannelStatus.AUTO_DISABLED);
    }
}
