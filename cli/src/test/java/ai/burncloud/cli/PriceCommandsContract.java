package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The price examples of the original README, as they must behave on every database. */
abstract class PriceCommandsContract {
    /** The CLI over a database of its own. */
    protected abstract Cli cli();

    @Test
    void theReadmePriceExamplesBehaveAsDocumented() {
        Cli cli = cli();
        cli.run("price", "set", "gpt-4", "--input", "30.0", "--output", "60.0").ok();

        Cli.Result get = cli.run("price", "get", "gpt-4").ok();
        assertThat(get.out()).containsPattern("input:\\s+30 USD / 1M tokens");
        assertThat(get.out()).containsPattern("output:\\s+60 USD / 1M tokens");

        cli.run("price", "set", "gpt-4-turbo", "--alias", "gpt-4").ok();
        Cli.Result alias = cli.run("price", "get", "gpt-4-turbo").ok();
        assertThat(alias.out()).containsPattern("resolves via:\\s+gpt-4\\n");
        assertThat(alias.out()).containsPattern("input:\\s+30 USD");
        assertThat(alias.out()).containsPattern("output:\\s+60 USD");

        Cli.Result list = cli.run("price", "list").ok();
        assertThat(list.outLines())
                .anySatisfy(l -> assertThat(l).matches("gpt-4\\s+30\\s+60\\s+-\\s+-"))
                .anySatisfy(l -> assertThat(l).matches("gpt-4-turbo\\s+30\\s+60\\s+-\\s+gpt-4"));

        cli.run("price", "delete", "gpt-4").ok();
        cli.run("price", "get", "gpt-4").fails(1);
        assertThat(cli.run("price", "list").ok().out()).doesNotContainPattern("(?m)^gpt-4\\s");
    }

    @Test
    void jsonGivesExactDollarsAsNumbers() {
        Cli cli = cli();
        cli.run("price", "set", "gpt-4", "--input", "30.0", "--output", "60.0", "--cached-input", "0.000000001")
                .ok();
        cli.run("price", "set", "gpt-4-turbo", "--alias", "gpt-4").ok();
        Cli.Result r = cli.run("price", "get", "gpt-4-turbo", "--json").ok();
        assertThat(r.out()).contains("\"input\": 30,").contains("\"cached_input\": 0.000000001");
        JsonNode n = Json.parse(r.out());
        assertThat(n.get("model").asText()).isEqualTo("gpt-4-turbo");
        assertThat(n.get("alias_for").asText()).isEqualTo("gpt-4");
        assertThat(n.get("resolved_from").asText()).isEqualTo("gpt-4");
        assertThat(n.get("input").decimalValue()).isEqualByComparingTo("30");
        assertThat(n.get("output").decimalValue()).isEqualByComparingTo("60");
        assertThat(Json.parse(cli.run("price", "list", "--json").ok().out())).hasSize(2);
    }
}
