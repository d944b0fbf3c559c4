package ai.burncloud.service;

import static ai.burncloud.service.ServiceException.Kind.INVALID;
import static ai.burncloud.service.ServiceException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceAdminTest extends AdminTestBase {
    private static final long DOLLAR = Money.NANOS_PER_DOLLAR;

    private PriceAdmin prices() {
        return new PriceAdmin(repos);
    }

    @Test
    void thePricesOfTheReadmeStoreAndResolveExactly() {
        PriceEntry set = prices().set("gpt-4", "30.0", "60.0", null);
        assertThat(set.row().input()).isEqualTo(30 * DOLLAR);
        assertThat(set.row().output()).isEqualTo(60 * DOLLAR);

        prices().alias("gpt-4-turbo", "gpt-4");
        PriceEntry turbo = prices().get("gpt-4-turbo");
        assertThat(turbo.isAlias()).isTrue();
        ResolvedPrice resolved = turbo.resolved().orElseThrow();
        assertThat(resolved.source()).isEqualTo("gpt-4");
        assertThat(resolved.viaAlias()).isTrue();
        assertThat(Money.toDollars(resolved.input())).hasToString("30");
        assertThat(Money.toDollars(resolved.output())).hasToString("60");
        assertThat(CostCalculator.cost(resolved, 100, 200)).isEqualTo(15_000_000L); // $0.015

        assertThat(prices().list()).extracting(PriceEntry::model).containsExactly("gpt-4", "gpt-4-turbo");
        assertThat(prices().delete("gpt-4")).containsExactly("gpt-4-turbo");
        assertThat(prices().get("gpt-4-turbo").resolved()).isEmpty();
    }

    @Test
    void cachedInputIsOptionalAndNineDecimalsAreExact() {
        PriceEntry e = prices().set("m", "0.000000001", "1e1", "0.5");
        assertThat(e.row().input()).isEqualTo(1);
        assertThat(e.row().output()).isEqualTo(10 * DOLLAR);
        assertThat(e.row().cachedInput()).isEqualTo(DOLLAR / 2);
        assertThat(prices().set("m", "1", "2", null).row().cachedInput()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "-1", "-0.5", "abc", "", "Infinity", "1e400", "0.0000000001", "1,5"})
    void badPricesAreRefusedBeforeAnyWrite(String bad) {
        prices().set("gpt-4", "30", "60", null);
        assertRefused(INVALID, "input price", () -> prices().set("gpt-4", bad, "1", null));
        assertRefused(INVALID, "output price", () -> prices().set("gpt-4", "1", bad, null));
        assertRefused(INVALID, "cached input price", () -> prices().set("gpt-4", "1", "1", bad));
    }

    @Test
    void missingPricesAndBadNamesAreRefused() {
        assertRefused(INVALID, "input price", () -> prices().set("m", null, "1", null));
        assertRefused(INVALID, "model", () -> prices().set(" ", "1", "1", null));
        assertRefused(INVALID, "model", () -> prices().set("two words", "1", "1", null));
        assertRefused(NOT_FOUND, "no price for model 'nope'", () -> prices().get("nope"));
        assertRefused(NOT_FOUND, "no price for model 'nope'", () -> prices().delete("nope"));
    }

    @Test
    void aliasTargetsMustExistAndAliasesMustNotCycle() {
        prices().set("a", "1", "2", null);
        assertRefused(INVALID, "alias target 'missing' has no price", () -> prices().alias("b", "missing"));
        assertRefused(INVALID, "itself", () -> prices().alias("a", "a"));
        prices().alias("b", "a");
        prices().alias("c", "b");
        assertThat(prices().get("c").resolved().orElseThrow().source()).isEqualTo("a");
        assertRefused(INVALID, "cycle", () -> prices().alias("a", "c"));
        assertRefused(INVALID, "cycle", () -> prices().alias("b", "c"));
    }
}
