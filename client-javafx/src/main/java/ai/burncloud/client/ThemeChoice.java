package ai.burncloud.client;

import java.util.Locale;

/** The theme the user picked; SYSTEM follows the desktop's dark/light setting. */
public enum ThemeChoice {
    SYSTEM,
    LIGHT,
    DARK;

    static ThemeChoice parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SYSTEM;
        }
    }

    /** Whether to draw dark: the choice, or for SYSTEM what the desktop says. */
    public boolean dark(boolean systemDark) {
        return switch (this) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> systemDark;
        };
    }
}
