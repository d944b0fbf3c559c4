package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How numbers, money and times read in the client. Money stays decimal, never floating point. */
final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {}

    /** Dollars from an API number: {@code $0.0042}; -1 is unlimited. */
    static String dollars(JsonNode n, String unlimited) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "—";
        }
        BigDecimal v = n.decimalValue();
        if (v.compareTo(BigDecimal.ONE.negate()) == 0) {
            return unlimited;
        }
        return dollars(v);
    }

    static String dollars(BigDecimal v) {
        BigDecimal shown = v.abs().compareTo(BigDecimal.ONE) >= 0
                ? v.setScale(2, RoundingMode.HALF_UP)
                : v.setScale(Math.max(2, Math.min(6, v.stripTrailingZeros().scale())), RoundingMode.HALF_UP);
        return "$" + shown.toPlainString();
    }

    /** A plain decimal for an edit field ("" for null). */
    static String decimal(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode()
                ? ""
                : n.decimalValue().stripTrailingZeros().toPlainString();
    }

    static String dateTime(long unixSeconds) {
        return DATE_TIME.format(Instant.ofEpochSecond(unixSeconds).atZone(ZoneId.systemDefault()));
    }

    static String clock(long unixSeconds) {
        return CLOCK.format(Instant.ofEpochSecond(unixSeconds).atZone(ZoneId.systemDefault()));
    }

    static String count(long n) {
        if (n >= 10_000_000) {
            return (n / 1_000_000) + "M";
        }
        if (n >= 10_000) {
            return (n / 1_000) + "k";
        }
        return Long.toString(n);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A comma-separated list as the API's array (blank parts dropped). */
    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
