package ai.burncloud.cli;

import ai.burncloud.common.Money;
import java.time.Instant;
import java.util.List;

/** How values read in human output. */
final class Formats {
    private Formats() {}

    /** "30", "0.015", or "unlimited" for -1. */
    static String money(long nanos) {
        return Money.format(nanos);
    }

    static String money(Long nanos) {
        return nanos == null ? "-" : money(nanos.longValue());
    }

    /** Unix seconds as an ISO-8601 instant, or "never" for -1. */
    static String time(long unixSeconds) {
        return unixSeconds == -1 ? "never" : Instant.ofEpochSecond(unixSeconds).toString();
    }

    static String expiry(long unixSeconds, long now) {
        if (unixSeconds == -1) {
            return "never";
        }
        return time(unixSeconds) + (unixSeconds <= now ? " (expired)" : "");
    }

    static String list(List<String> values, String whenEmpty) {
        return values.isEmpty() ? whenEmpty : String.join(",", values);
    }
}
