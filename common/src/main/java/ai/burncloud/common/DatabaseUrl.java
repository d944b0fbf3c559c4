package ai.burncloud.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A parsed {@code DATABASE_URL}: {@code sqlite:burncloud.db}, {@code sqlite:/abs/path.db},
 * {@code postgres://user:pass@host:5432/db} or {@code postgresql://…}. Query parameters of a
 * PostgreSQL URL (e.g. {@code currentSchema=x}, {@code sslmode=require}) are passed to the driver.
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String user, String password, String display) {

    public enum Kind {
        SQLITE,
        POSTGRES
    }

    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String url = text.trim();
        if (url.startsWith("sqlite:")) {
            String path = url.substring("sqlite:".length());
            if (path.startsWith("//")) {
                path = path.substring(2);
            }
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            if (path.isBlank()) {
                throw new IllegalArgumentException("DATABASE_URL sqlite: needs a file path, e.g. sqlite:burncloud.db");
            }
            String abs = Path.of(path).toAbsolutePath().normalize().toString();
            return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + abs, null, null, "sqlite:" + abs);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("DATABASE_URL has no host: " + redact(url));
            }
            String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (db.isEmpty()) {
                throw new IllegalArgumentException("DATABASE_URL names no database: " + redact(url));
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + db
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new DatabaseUrl(Kind.POSTGRES, jdbc, user, password, redact(url));
        }
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon) : url;
        throw new IllegalArgumentException(
                "DATABASE_URL has an unknown scheme '" + scheme + "' (expected sqlite:, postgres:// or postgresql://)");
    }

    /** The database file of a {@code sqlite:} URL; empty for PostgreSQL. */
    public java.util.Optional<Path> sqliteFile() {
        return kind == Kind.SQLITE
                ? java.util.Optional.of(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))
                : java.util.Optional.empty();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, safe to log. */
    private static String redact(String url) {
        return url.replaceFirst("://([^:/@]+):[^@]*@", "://$1:***@");
    }

    @Override
    public String toString() {
        return display;
    }
}
