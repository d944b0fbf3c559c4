package ai.burncloud.database;

import java.util.Locale;

/** Whether a user or token may be used. */
public enum Status {
    ENABLED,
    DISABLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String text) {
        for (Status s : values()) {
            if (s.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "' (expected enabled or disabled)");
    }
}
