package ai.burncloud.client;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client remembers between runs, in {@code client.properties} of the user's configuration
 * directory: the last server and its access token (never a password), the window size, the theme
 * and the language. The file is readable by its owner only where the file system allows.
 */
public final class ClientSettings {
    private static final Logger log = LoggerFactory.getLogger(ClientSettings.class);
    static final String FILE = "client.properties";

    private final Path file;
    private final Properties values = new Properties();

    private ClientSettings(Path file) {
        this.file = file;
    }

    public static ClientSettings load(Path dir) {
        ClientSettings s = new ClientSettings(dir.resolve(FILE));
        if (Files.isRegularFile(s.file)) {
            try (Reader r = Files.newBufferedReader(s.file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException e) {
                log.warn("cannot read {}: {}", s.file, e.getMessage());
            }
        }
        return s;
    }

    public Optional<String> server() {
        return get("server");
    }

    public Optional<String> accessToken() {
        return get("access_token");
    }

    /** Remembers where we signed in; the token only when {@code token} is not null. */
    public void signedIn(String server, String token) {
        values.setProperty("server", server);
        if (token == null) {
            values.remove("access_token");
        } else {
            values.setProperty("access_token", token);
        }
        save();
    }

    public void signedOut() {
        values.remove("access_token");
        save();
    }

    public double width(double fallback) {
        return get("window.width").map(Double::parseDouble).orElse(fallback);
    }

    public double height(double fallback) {
        return get("window.height").map(Double::parseDouble).orElse(fallback);
    }

    public void windowSize(double width, double height) {
        values.setProperty("window.width", Long.toString(Math.round(width)));
        values.setProperty("window.height", Long.toString(Math.round(height)));
        save();
    }

    public ThemeChoice theme() {
        return get("theme").map(ThemeChoice::parse).orElse(ThemeChoice.SYSTEM);
    }

    public void theme(ThemeChoice theme) {
        values.setProperty("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
        save();
    }

    public Optional<String> language() {
        return get("language");
    }

    public void language(String tag) {
        values.setProperty("language", tag);
        save();
    }

    private Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the profile directory is private already
                }
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(w, "BurnCloud desktop client");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write {}: {}", file, e.getMessage());
        }
    }
}
