package ai.burncloud.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

/**
 * The web console's files, read once from the jar: our own ES modules and CSS under
 * {@code ai/burncloud/console/} and the browser libraries from their WebJars (versions from the
 * parent pom, filtered into {@code console-libs.properties}). One hash over every byte names the
 * asset directory ({@code /assets/<hash>/…}), so assets can be cached forever and a new build is
 * fetched at once; {@code index.html} carries the hash and is never cached. Each file is kept plain
 * and gzipped (compressing once here beats compressing every response).
 */
final class ConsoleAssets {
    /** One servable file. */
    record Asset(String contentType, byte[] plain, byte[] gzipped) {}

    private static final String OWN = "ai/burncloud/console/";
    /** Our files; pages live in {@code pages/}. */
    private static final List<String> OWN_FILES = List.of(
            "app.js",
            "nav.js",
            "keys.js",
            "api.js",
            "i18n.js",
            "lib.js",
            "live.js",
            "ui.js",
            "charts.js",
            "console.css",
            "favicon.svg",
            "pages/signin.js",
            "pages/dashboard.js",
            "pages/channels.js",
            "pages/tokens.js",
            "pages/users.js",
            "pages/prices.js",
            "pages/logs.js",
            "pages/playground.js",
            "pages/settings.js",
            "pages/profile.js");

    private final String version;
    private final Map<String, Asset> files;
    private final Asset index;

    private ConsoleAssets(String version, Map<String, Asset> files, Asset index) {
        this.version = version;
        this.files = files;
        this.index = index;
    }

    static ConsoleAssets load() {
        Properties libs = new Properties();
        try (InputStream in = resource(OWN + "console-libs.properties")) {
            libs.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String preact = "META-INF/resources/webjars/preact/" + libs.getProperty("preact") + "/";
        String htm = "META-INF/resources/_static/htm/" + libs.getProperty("htm") + "/";
        String uplot = "META-INF/resources/webjars/uplot/" + libs.getProperty("uplot") + "/";
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (String f : OWN_FILES) {
            raw.put(f, read(OWN + f));
        }
        raw.put("lib/preact.js", read(preact + "dist/preact.module.js"));
        // the hooks import the bare specifier "preact": point it at our copy (no import map, which
        // would be an inline script under the CSP)
        raw.put(
                "lib/hooks.js",
                text(read(preact + "hooks/dist/hooks.module.js"))
                        .replace("from\"preact\"", "from\"./preact.js\"")
                        .getBytes(StandardCharsets.UTF_8));
        raw.put("lib/htm.js", read(htm + "dist/htm.module.js"));
        raw.put("lib/uplot.js", read(uplot + "dist/uPlot.esm.js"));
        raw.put("lib/uplot.css", read(uplot + "dist/uPlot.min.css"));

        MessageDigest digest = sha256();
        raw.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        Map<String, Asset> files = new LinkedHashMap<>();
        raw.forEach((name, bytes) -> files.put(name, asset(contentType(name), bytes)));
        // every module announced up front: the browser fetches them in parallel instead of
        // discovering the import graph one level per round trip
        StringBuilder preload = new StringBuilder();
        raw.keySet().stream()
                .filter(name -> name.endsWith(".js") && !name.equals("app.js"))
                .forEach(name -> preload.append("<link rel=\"modulepreload\" href=\"{{assets}}/")
                        .append(name)
                        .append("\">\n"));
        byte[] html = text(read(OWN + "index.html"))
                .replace("{{preload}}", preload.toString().strip())
                .replace("{{assets}}", "/assets/" + version)
                .getBytes(StandardCharsets.UTF_8);
        return new ConsoleAssets(version, Map.copyOf(files), asset("text/html; charset=utf-8", html));
    }

    /** The hash that names this build's asset directory. */
    String version() {
        return version;
    }

    Asset index() {
        return index;
    }

    /** A file by its path under the asset directory ({@code pages/logs.js}). */
    Optional<Asset> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** Every asset's path (tests add up the first load). */
    List<String> paths() {
        return List.copyOf(files.keySet());
    }

    private static Asset asset(String type, byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Asset(type, plain, out.toByteArray());
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new IllegalArgumentException("no content type for " + name);
    }

    private static InputStream resource(String path) {
        InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("console file missing from the jar: " + path);
        }
        return in;
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
