package ai.burncloud.database;

import java.util.Locale;

/**
 * What one configuration version changed: a kind of entity and which one, as a router needs to know
 * to patch its snapshot. {@code key} is the entity's id (tokens, users, channels), the model (prices
 * and model ratios), the group (group ratios), or null when the kind is read whole (options).
 */
public record ConfigChange(long version, Kind kind, String key) {

    /** The entities a configuration write can touch, by what a router must re-read for them. */
    public enum Kind {
        TOKEN,
        USER,
        CHANNEL,
        PRICE,
        GROUP_RATIO,
        OPTION,
        /** Many entities at once (a configuration file imported): routers reload everything. */
        ALL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of a stored label; null for a label this version does not know (a newer writer). */
        public static Kind fromLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The numeric id of a token, user or channel change. */
    public long id() {
        return Long.parseLong(key);
    }

    /** The change a NOTIFY payload names; empty when it is not one this version understands. */
    public static java.util.Optional<ConfigChange> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
        if (parts.length < 2) {
            return java.util.Optional.empty();
        }
        Kind kind = Kind.fromLabel(parts[1]);
        try {
            long version = Long.parseLong(parts[0]);
            return kind == null
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(new ConfigChange(version, kind, parts.length > 2 ? parts[2] : null));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The NOTIFY payload: {@code version kind key}, e.g. {@code 42 token 17}. */
    public String payload() {
        return version + " " + kind.label() + (key == null ? "" : " " + key);
    }
}
