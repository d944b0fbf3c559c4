package ai.burncloud.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is kept as a {@code long} count of nano-dollars (10^-9 USD) everywhere: in the database, in
 * memory and on the hot path. Decimal dollars exist only at the edges (CLI flags, JSON).
 *
 * <p>A long holds about 9.2 billion dollars in nanos, far beyond any balance this gateway keeps, and
 * nine decimal places represent any price per million tokens a provider publishes exactly.
 */
public final class Money {
    public static final long NANOS_PER_DOLLAR = 1_000_000_000L;

    /** The sentinel used for "no limit" on balances and quotas. */
    public static final long UNLIMITED = -1L;

    private static final BigDecimal MAX_DOLLARS = BigDecimal.valueOf(Long.MAX_VALUE, 9);

    private Money() {}

    /**
     * Parses a decimal dollar amount ("30", "0.015", "1e-3") into nanos.
     *
     * @throws IllegalArgumentException when the text is not a finite number, is negative, has more
     *     precision than a nano-dollar or does not fit
     */
    public static long parseDollars(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("amount is empty");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a number");
        }
        return fromDollars(value);
    }

    /** Converts exact decimal dollars to nanos; see {@link #parseDollars(String)} for the rules. */
    public static long fromDollars(BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + value.toPlainString());
        }
        if (value.compareTo(MAX_DOLLARS) > 0) {
            throw new IllegalArgumentException("amount is too large: " + value.toPlainString());
        }
        BigDecimal nanos = value.movePointRight(9);
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(
                    "amount has more precision than a nano-dollar (1e-9): " + value.toPlainString());
        }
        return nanos.longValueExact();
    }

    /** Parses an amount where "-1" means unlimited. */
    public static long parseDollarsOrUnlimited(String text) {
        if (text != null && text.trim().equals("-1")) {
            return UNLIMITED;
        }
        return parseDollars(text);
    }

    /** Exact decimal dollars, with no trailing zeros ("30", "0.015"). */
    public static BigDecimal toDollars(long nanos) {
        BigDecimal d = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : d;
    }

    /** Plain text for people: "30", "0.015", or "unlimited" for the -1 sentinel. */
    public static String format(long nanos) {
        return nanos == UNLIMITED ? "unlimited" : toDollars(nanos).toPlainString();
    }
}
