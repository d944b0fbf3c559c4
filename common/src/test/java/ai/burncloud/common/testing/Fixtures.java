package ai.burncloud.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recorded upstream traffic under the repository's {@code fixtures/} directory (see its README for
 * where each file came from). The build passes the directory as {@code burncloud.fixtures}.
 */
public final class Fixtures {
    private Fixtures() {}

    public static Path dir() {
        String configured = System.getProperty("burncloud.fixtures");
        Path dir = configured != null ? Path.of(configured) : locate();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fixtures directory not found: " + dir);
        }
        return dir;
    }

    public static Path path(String relative) {
        return dir().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    /** Walks up from the working directory (an IDE run) to the checkout's fixtures/. */
    private static Path locate() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("fixtures") : p.resolve("fixtures");
    }
}
