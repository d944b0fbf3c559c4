package ai.burncloud.database;

import java.util.Locale;

/**
 * A channel is enabled, disabled by an admin, or disabled automatically (a failed speed test, an
 * upstream 401/403). Only automatic disables are ever undone automatically.
 */
public enum ChannelStatus {
    ENABLED,
    DISABLED,
    AUTO_DISABLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChannelStatus parse(String text) {
        for (ChannelStatus s : values()) {
            if (s.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown channel status '" + text + "'");
    }
}
