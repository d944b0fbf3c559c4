package ai.burncloud.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark theme. JavaFX 21 cannot ask (its preferences API arrived in
 * 22), so: GTK_THEME on Linux, then the desktop's own setting through its command-line tool (GNOME
 * {@code gsettings}, Windows {@code reg}, macOS {@code defaults}); light when nothing says.
 */
final class SystemTheme {
    private SystemTheme() {}

    static boolean prefersDark(Map<String, String> env) {
        String gtk = env.getOrDefault("GTK_THEME", "");
        if (!gtk.isBlank()) {
            return gtk.toLowerCase(Locale.ROOT).contains("dark");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return ask(
                            "reg",
                            "query",
                            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                            "/v",
                            "AppsUseLightTheme")
                    .matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*");
        }
        if (os.contains("mac")) {
            return ask("defaults", "read", "-g", "AppleInterfaceStyle").contains("Dark");
        }
        String scheme = ask("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        return scheme.contains("dark");
    }

    /** The output of a short command, or "" when it is missing or slow. */
    private static String ask(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
