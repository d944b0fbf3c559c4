package ai.burncloud.client;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's configuration directory for BurnCloud: {@code %APPDATA%\BurnCloud} on Windows,
 * {@code ~/Library/Application Support/BurnCloud} on macOS, {@code $XDG_CONFIG_HOME/burncloud} (else
 * {@code ~/.config/burncloud}) elsewhere. {@code BURNCLOUD_CONFIG_DIR} overrides it.
 */
public final class ConfigDirectory {
    public static final String VARIABLE = "BURNCLOUD_CONFIG_DIR";

    private ConfigDirectory() {}

    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get(VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override.strip());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "BurnCloud");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "BurnCloud");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "burncloud") : Path.of(userHome, ".config", "burncloud");
    }
}
