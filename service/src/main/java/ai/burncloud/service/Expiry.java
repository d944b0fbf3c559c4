package ai.burncloud.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Token expiry as operators write it: {@code -1} (never), unix seconds, an ISO-8601 date (expires at
 * 00:00 UTC that day) or date-time (with {@code Z} or an offset; without one it is read as UTC).
 */
public final class Expiry {
    public static final long NEVER = -1;

    private Expiry() {}

    /** @throws ServiceException INVALID when the text is none of the accepted forms */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw ServiceException.invalid("expiry must not be empty (use -1 for never)");
        }
        String t = text.strip();
        if (t.matches("-?\\d+")) {
            long seconds;
            try {
                seconds = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw ServiceException.invalid("expiry '" + t + "' is out of range");
            }
            if (seconds == NEVER) {
                return NEVER;
            }
            if (seconds <= 0) {
                throw ServiceException.invalid("expiry must be -1 (never) or unix seconds greater than 0");
            }
            return seconds;
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toEpochSecond();
            }
            return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw ServiceException.invalid(
                    "expiry '" + t
                            + "' is not -1, unix seconds or an ISO-8601 date/date-time (e.g. 2026-12-31 or 2026-12-31T18:00:00Z)");
        }
    }
}
