package ai.burncloud.database;

import java.util.Locale;

/** Console roles: root (one, the owner), admin (manages everything but options), user. */
public enum Role {
    ROOT,
    ADMIN,
    USER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (expected root, admin or user)");
    }

    public boolean isAdmin() {
        return this == ROOT || this == ADMIN;
    }
}
