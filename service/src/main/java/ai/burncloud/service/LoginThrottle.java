package ai.burncloud.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits console login attempts in fixed windows: every attempt counts against the caller's IP
 * address, every failed one against the username. In memory (one process serves the console); old
 * windows are dropped as the maps grow, so an attacker cycling names cannot exhaust memory.
 */
public final class LoginThrottle {
    private static final int PRUNE_ABOVE = 10_000;

    private final int perIp;
    private final int perUser;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> ips = new ConcurrentHashMap<>();
    private final Map<String, Window> users = new ConcurrentHashMap<>();

    public LoginThrottle(int perIp, int perUser, Duration window, LongSupplier nanoTime) {
        this.perIp = perIp;
        this.perUser = perUser;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** 20 attempts per IP and 5 failures per username in 5 minutes. */
    public static LoginThrottle standard() {
        return new LoginThrottle(20, 5, Duration.ofMinutes(5), System::nanoTime);
    }

    /**
     * Counts an attempt from {@code ip} for {@code username}.
     *
     * @throws ServiceException RATE_LIMITED when the IP or the username has had too many
     */
    public void attempt(String ip, String username) {
        long now = nanoTime.getAsLong();
        Window user = users.get(key(username));
        if (user != null && user.count(now) >= perUser) {
            throw limited("too many failed logins for this user", user, now);
        }
        Window w = window(ips, ip, now);
        if (w.add(now) > perIp) {
            throw limited("too many login attempts from this address", w, now);
        }
    }

    public void failed(String username) {
        window(users, key(username), nanoTime.getAsLong()).add(nanoTime.getAsLong());
    }

    public void succeeded(String username) {
        users.remove(key(username));
    }

    private ServiceException limited(String what, Window w, long now) {
        long seconds = Math.max(1, (w.start + windowNanos - now) / 1_000_000_000L + 1);
        return ServiceException.rateLimited(what + "; try again in " + seconds + " s", seconds);
    }

    private Window window(Map<String, Window> map, String key, long now) {
        if (map.size() > PRUNE_ABOVE) {
            map.values().removeIf(w -> now - w.start >= windowNanos);
        }
        return map.computeIfAbsent(key, k -> new Window(now));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private final class Window {
        private long start;
        private int count;

        Window(long start) {
            this.start = start;
        }

        synchronized int count(long now) {
            roll(now);
            return count;
        }

        synchronized int add(long now) {
            roll(now);
            return ++count;
        }

        private void roll(long now) {
            if (now - start >= windowNanos) {
                start = now;
                count = 0;
            }
        }
    }
}
