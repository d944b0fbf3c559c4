package ai.burncloud.router;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens-per-minute limits per key on one router: each key counts the tokens of the current clock
 * minute. A request counts its hold's tokens (the prompt estimate plus its max_tokens, else 1,024)
 * and is refused when they do not fit in what is left of the minute; its settlement corrects the
 * count to the tokens it really used. The same window is kept in PostgreSQL when several
 * routers share the limit (docs/SCALING.md).
 */
final class MinuteTokens {
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    /**
     * Counts {@code tokens} in {@code minute} if they fit under {@code tpm}.
     *
     * @return 0 when counted, otherwise the seconds until the next minute (at least 1)
     */
    long tryTake(long tokenId, int tpm, long tokens, long minute, long secondsLeftInMinute) {
        if (tpm <= 0) {
            return 0;
        }
        Window w = windows.computeIfAbsent(tokenId, id -> new Window());
        return w.take(tpm, tokens, minute) ? 0 : Math.max(1, secondsLeftInMinute);
    }

    /** Adds {@code delta} (used minus held; negative gives tokens back) to the key's count of {@code minute}. */
    void correct(long tokenId, long minute, long delta) {
        Window w = windows.get(tokenId);
        if (w != null && delta != 0) {
            w.correct(minute, delta);
        }
    }

    private static final class Window {
        private long minute = Long.MIN_VALUE;
        private long used;

        synchronized boolean take(int tpm, long tokens, long now) {
            if (now != minute) {
                minute = now;
                used = 0;
            }
            if (used + tokens > tpm) {
                return false;
            }
            used += tokens;
            return true;
        }

        synchronized void correct(long of, long delta) {
            if (of == minute) {
                used = Math.max(0, used + delta);
            }
        }
    }
}
