package ai.burncloud.service;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.Money;
import java.util.EnumMap;
import java.util.Map;

/**
 * The runtime options in force: stored values where an operator set them, defaults (some from the
 * start-up configuration) elsewhere. Immutable; read afresh where they are used, which is what
 * makes a change apply at once.
 */
public record ConsoleOptions(Map<OptionKey, String> values) {
    public ConsoleOptions {
        values = Map.copyOf(values);
    }

    /**
     * The options from the {@code options} table's rows over the defaults. A stored value that no
     * longer parses (hand-edited) falls back to the default.
     */
    public static ConsoleOptions from(Map<String, String> stored, BurnCloudConfig config) {
        Map<OptionKey, String> out = new EnumMap<>(OptionKey.class);
        for (OptionKey k : OptionKey.values()) {
            String v = stored.get(k.id());
            out.put(k, v != null && parses(k, v) ? v : k.defaultValue(config));
        }
        return new ConsoleOptions(out);
    }

    private static boolean parses(OptionKey k, String v) {
        try {
            switch (k.kind()) {
                case BOOLEAN -> {
                    return v.equals("true") || v.equals("false");
                }
                case INTEGER -> Long.parseLong(v);
                case DOLLARS -> Money.parseDollars(v);
                case CHOICE -> {
                    return !v.isBlank();
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String text(OptionKey k) {
        return values.get(k);
    }

    public boolean flag(OptionKey k) {
        return Boolean.parseBoolean(values.get(k));
    }

    public long number(OptionKey k) {
        return Long.parseLong(values.get(k));
    }

    public long nanos(OptionKey k) {
        return Money.parseDollars(values.get(k));
    }

    public boolean registrationEnabled() {
        return flag(OptionKey.REGISTRATION_ENABLED);
    }

    /** How many other channels a failed request may be retried on (overrides RETRY_TIMES). */
    public int retryTimes() {
        return (int) number(OptionKey.RETRY_TIMES);
    }

    /** Whether a model without a price is served at cost 0 (overrides BILLING_ALLOW_UNPRICED). */
    public boolean allowUnpriced() {
        return "free".equals(text(OptionKey.UNPRICED_MODEL_POLICY));
    }

    public long channelTestIntervalSeconds() {
        return number(OptionKey.CHANNEL_TEST_INTERVAL_S);
    }

    public boolean autoDisable() {
        return flag(OptionKey.AUTO_DISABLE_ENABLED);
    }

    /** Slowest acceptable speed-test latency in ms; 0 = only failures disable. */
    public long maxLatencyMs() {
        return number(OptionKey.AUTO_DISABLE_MAX_LATENCY_MS);
    }
}
