package ai.burncloud.service;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every runtime option: its name, what values it takes and its default (some defaults come from the
 * start-up configuration). Values are stored as text in the {@code options} table.
 */
public enum OptionKey {
    REGISTRATION_ENABLED(Kind.BOOLEAN, 0, 0, null, c -> "false"),
    REGISTRATION_BALANCE(Kind.DOLLARS, 0, 0, null, c -> "0"),
    INVITE_BONUS_INVITEE(Kind.DOLLARS, 0, 0, null, c -> "0"),
    INVITE_BONUS_INVITER(Kind.DOLLARS, 0, 0, null, c -> "0"),
    RETRY_TIMES(Kind.INTEGER, 0, 20, null, c -> String.valueOf(c.retryTimes())),
    UNPRICED_MODEL_POLICY(
            Kind.CHOICE, 0, 0, List.of("reject", "free"), c -> c.billingAllowUnpriced() ? "free" : "reject"),
    CHANNEL_TEST_INTERVAL_S(Kind.INTEGER, 0, 7 * 24 * 3600, null, c -> "0"),
    AUTO_DISABLE_ENABLED(Kind.BOOLEAN, 0, 0, null, c -> "true"),
    AUTO_DISABLE_MAX_LATENCY_MS(Kind.INTEGER, 0, 600_000, null, c -> "0");

    /** The type of an option's value. */
    public enum Kind {
        BOOLEAN,
        INTEGER,
        DOLLARS,
        CHOICE
    }

    private final Kind kind;
    private final long min;
    private final long max;
    private final List<String> choices;
    private final Function<BurnCloudConfig, String> defaultValue;

    OptionKey(Kind kind, long min, long max, List<String> choices, Function<BurnCloudConfig, String> defaultValue) {
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.defaultValue = defaultValue;
    }

    /** The snake_case name used in JSON and in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    public String defaultValue(BurnCloudConfig config) {
        return defaultValue.apply(config);
    }

    public static OptionKey byId(String id) {
        for (OptionKey k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw ServiceException.invalid("unknown option '" + Inputs.clip(id) + "'");
    }

    /**
     * Checks a JSON value and returns it as stored text.
     *
     * @throws ServiceException INVALID when the value has the wrong type or is out of range
     */
    public String normalize(JsonNode value) {
        switch (kind) {
            case BOOLEAN -> {
                if (value == null || !value.isBoolean()) {
                    throw ServiceException.invalid(id() + " must be true or false");
                }
                return String.valueOf(value.booleanValue());
            }
            case INTEGER -> {
                if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw ServiceException.invalid(id() + " must be a whole number");
                }
                long v = value.longValue();
                if (v < min || v > max) {
                    throw ServiceException.invalid(id() + " must be between " + min + " and " + max);
                }
                return String.valueOf(v);
            }
            case DOLLARS -> {
                if (value == null || !value.isNumber()) {
                    throw ServiceException.invalid(id() + " must be an amount in dollars");
                }
                BigDecimal d = value.decimalValue();
                long nanos = Inputs.dollars(id(), d.toPlainString());
                return Money.toDollars(nanos).toPlainString();
            }
            case CHOICE -> {
                if (value == null || !value.isTextual() || !choices.contains(value.asText())) {
                    throw ServiceException.invalid(id() + " must be one of " + choices);
                }
                return value.asText();
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }
}
