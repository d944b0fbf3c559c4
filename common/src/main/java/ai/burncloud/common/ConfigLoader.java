package ai.burncloud.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration from the environment, then a {@code .env} file in the working directory, then
 * the defaults of {@link Setting}. Every invalid value becomes a {@link ConfigException} with one
 * line naming the variable.
 */
public final class ConfigLoader {
    private static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private ConfigLoader() {}

    /** The process configuration: real environment over {@code ./.env} over defaults. */
    public static BurnCloudConfig load() {
        return load(System.getenv(), Path.of(".env"));
    }

    public static BurnCloudConfig load(Map<String, String> env, Path dotEnv) {
        return fromMap(merged(env, dotEnv));
    }

    /** The raw values: {@code env} over the {@code dotEnv} file (which may be absent); no defaults. */
    public static Map<String, String> merged(Map<String, String> env, Path dotEnv) {
        Map<String, String> merged = new HashMap<>(DotEnvFile.read(dotEnv));
        merged.putAll(env);
        return merged;
    }

    /** Builds the configuration from already merged raw values (missing keys take defaults). */
    public static BurnCloudConfig fromMap(Map<String, String> raw) {
        Values v = new Values(raw);
        String logLevel = v.logLevel();
        return new BurnCloudConfig(
                v.text(Setting.HOST),
                v.intIn(Setting.PORT, 0, 65535),
                v.database(),
                logLevel,
                Math.multiplyExact(v.intIn(Setting.MAX_REQUEST_BODY_MB, 1, 1024), 1024 * 1024),
                v.intIn(Setting.RETRY_TIMES, 0, 20),
                v.bool(Setting.BILLING_ALLOW_UNPRICED),
                v.optional(Setting.BURNCLOUD_ROOT_PASSWORD),
                v.optional(Setting.METRICS_TOKEN),
                Duration.ofMillis(v.intIn(Setting.UPSTREAM_CONNECT_TIMEOUT_MS, 1, 600_000)),
                Duration.ofMillis(v.intIn(Setting.UPSTREAM_READ_TIMEOUT_MS, 1, 3_600_000)),
                Duration.ofSeconds(v.intIn(Setting.CLIENT_IDLE_TIMEOUT_S, 1, 86_400)),
                Duration.ofMillis(v.intIn(Setting.HEADER_TIMEOUT_MS, 1, 600_000)),
                Duration.ofSeconds(v.intIn(Setting.CLIENT_GONE_DRAIN_SECONDS, 0, 3600)),
                (long) v.intIn(Setting.CLIENT_GONE_DRAIN_MAX_MB, 0, 1024) * 1024 * 1024,
                Duration.ofMillis(v.intIn(Setting.LOG_FLUSH_INTERVAL_MS, 10, 60_000)),
                v.intIn(Setting.CIRCUIT_FAILURES, 1, 1000),
                Duration.ofSeconds(v.intIn(Setting.CIRCUIT_COOLDOWN_S, 1, 86_400)),
                Duration.ofSeconds(v.intIn(Setting.SHUTDOWN_GRACE_S, 0, 3600)),
                Duration.ofMillis(v.intIn(Setting.SNAPSHOT_REFRESH_MS, 10, 60_000)),
                v.intIn(Setting.IO_THREADS, 0, 1024),
                v.ipRanges(Setting.TRUSTED_PROXIES),
                v.intIn(Setting.METRICS_MAX_SERIES, 100, 10_000_000),
                Duration.ofSeconds(v.intIn(Setting.CLIENT_FIRST_BYTE_TIMEOUT_S, 1, 86_400)),
                v.intIn(Setting.MAX_CONNECTIONS, 1, 1_000_000),
                Duration.ofMillis(v.intIn(Setting.LOCAL_COUNT_BUDGET_MS, 1, 600_000)),
                v.optional(Setting.BURNCLOUD_SECRET_KEY),
                v.optional(Setting.SECRET_KEY_FILE).map(Path::of),
                v.intIn(Setting.AUDIT_RETENTION_DAYS, 0, 36_500),
                v.bool(Setting.ADMISSION_FAIL_OPEN));
    }

    /** The log destinations from already merged raw values; throws ConfigException on a bad value. */
    public static LoggingConfig logging(Map<String, String> raw) {
        Values v = new Values(raw);
        return new LoggingConfig(
                v.optional(Setting.LOG_FILE).map(Path::of),
                v.bool(Setting.ACCESS_LOG),
                v.optional(Setting.ACCESS_LOG_FILE).map(Path::of));
    }

    private static final class Values {
        private final Map<String, String> raw;

        Values(Map<String, String> raw) {
            this.raw = raw;
        }

        String text(Setting s) {
            String value = raw.get(s.name());
            return value == null || value.isBlank() ? s.defaultValue() : value.trim();
        }

        Optional<String> optional(Setting s) {
            String value = text(s);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        int intIn(Setting s, int min, int max) {
            String value = text(s);
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ConfigException(s.name() + "=" + value + " is not a whole number");
            }
            if (parsed < min || parsed > max) {
                throw new ConfigException(s.name() + "=" + value + " is out of range (" + min + ".." + max + ")");
            }
            return parsed;
        }

        java.util.List<IpRange> ipRanges(Setting s) {
            java.util.List<IpRange> ranges = new java.util.ArrayList<>();
            for (String part : text(s).split(",")) {
                if (!part.isBlank()) {
                    try {
                        ranges.add(IpRange.parse(part));
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(s.name() + ": " + e.getMessage());
                    }
                }
            }
            return java.util.List.copyOf(ranges);
        }

        boolean bool(Setting s) {
            String value = text(s).toLowerCase(Locale.ROOT);
            switch (value) {
                case "true", "1", "yes", "on":
                    return true;
                case "false", "0", "no", "off":
                    return false;
                default:
                    throw new ConfigException(s.name() + "=" + value + " is not true or false");
            }
        }

        DatabaseUrl database() {
            try {
                return DatabaseUrl.parse(text(Setting.DATABASE_URL));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }

        /** LOG_LEVEL wins; RUST_LOG (as set for the Rust edition) is the fallback. */
        String logLevel() {
            String value = raw.get(Setting.LOG_LEVEL.name());
            String source = Setting.LOG_LEVEL.name();
            if (value == null || value.isBlank()) {
                value = raw.get("RUST_LOG");
                source = "RUST_LOG";
            }
            if (value == null || value.isBlank()) {
                return Setting.LOG_LEVEL.defaultValue();
            }
            // RUST_LOG may carry per-crate directives ("info,hyper=warn"): the first bare level counts
            String level = value.trim().toLowerCase(Locale.ROOT);
            for (String part : level.split(",")) {
                if (!part.contains("=") && !part.isBlank()) {
                    level = part.trim();
                    break;
                }
            }
            if (level.equals("warning")) {
                level = "warn";
            }
            if (!LOG_LEVELS.contains(level)) {
                throw new ConfigException(
                        source + "=" + value.trim() + " is not a log level (" + String.join(", ", LOG_LEVELS) + ")");
            }
            return level;
        }
    }

    /** A minimal {@code .env} reader: KEY=VALUE lines, # comments, optional quotes, optional "export". */
    static final class DotEnvFile {
        private DotEnvFile() {}

        static Map<String, String> read(Path file) {
            Map<String, String> values = new HashMap<>();
            if (file == null || !Files.isRegularFile(file)) {
                return values;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
            }
            for (String line : lines) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("export ")) {
                    l = l.substring("export ".length()).strip();
                }
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = l.substring(0, eq).strip();
                String value = l.substring(eq + 1).strip();
                if (value.length() >= 2
                        && ((value.startsWith("\"") && value.endsWith("\""))
                                || (value.startsWith("'") && value.endsWith("'")))) {
                    value = value.substring(1, value.length() - 1);
                } else {
                    int hash = value.indexOf(" #");
                    if (hash >= 0) {
                        value = value.substring(0, hash).strip();
                    }
                }
                values.put(key, value);
            }
            return values;
        }
    }
}
