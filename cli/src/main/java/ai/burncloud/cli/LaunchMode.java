package ai.burncloud.cli;

import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.Map;

/** Whether a desktop is available: decides what {@code burncloud} without a subcommand does. */
final class LaunchMode {
    private LaunchMode() {}

    static boolean hasDisplay(Map<String, String> env) {
        return hasDisplay(env, System.getProperty("os.name", ""), GraphicsEnvironment.isHeadless());
    }

    /** Linux needs DISPLAY or WAYLAND_DISPLAY; other systems need a non-headless JVM. */
    static boolean hasDisplay(Map<String, String> env, String osName, boolean headless) {
        if (osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"));
        }
        return !headless;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
