package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest extends ApiTestBase {
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");
    private static final Pattern ASSET = Pattern.compile("src=\"(/assets/[0-9a-f]{12}/app\\.js)\"");
    /** Static imports, plain or minified: {@code import x from './a.js'}, {@code import{y}from"./b.js"}. */
    private static final Pattern IMPORT =
            Pattern.compile("\\bimport\\s*(?:\\{[^}]*\\}|\\*\\s*as\\s+\\w+|\\w+)?\\s*(?:from)?\\s*[\"']([^\"']+)[\"']");

    @Test
    void theConsoleIsServedAtTheRootAndAtEveryPagePathNeverCached() {
        for (String path : ConsoleRoutes.PAGES) {
            Reply r = api.get(path, Auth.none()).expect(200);
            assertThat(r.headers("content-type")).containsExactly("text/html; charset=utf-8");
            assertThat(r.headers("cache-control")).containsExactly("no-store");
            assertThat(r.body()).contains("<div id=\"app\">");
        }
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScriptAndNoFraming() {
        Reply r = api.get("/", Auth.none()).expect(200);
        String csp = r.headers("content-security-policy").get(0);
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.headers("x-frame-options")).containsExactly("DENY");
        assertThat(r.headers("x-content-type-options")).containsExactly("nosniff");
        Matcher scripts = SCRIPT.matcher(r.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script is a file").contains("src=");
        }
        assertThat(count).isPositive();
    }

    @Test
    void assetsOfThisBuildAreCachedForeverAndGzippedWhenAsked() throws Exception {
        String app = appPath();
        Reply plain = api.get(app, Auth.none()).expect(200);
        assertThat(plain.headers("cache-control")).containsExactly("public, max-age=31536000, immutable");
        assertThat(plain.headers("content-type")).containsExactly("text/javascript; charset=utf-8");
        assertThat(plain.headers("content-security-policy")).isNotEmpty();

        HttpResponse<byte[]> gz = api.http()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + app))
                                .header("accept-encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gunzip(gz.body())).isEqualTo(plain.body());
    }

    @Test
    void aFileAskedForUnderAnOlderBuildIsServedButNotKept() {
        String old = appPath().replaceFirst("/assets/[0-9a-f]{12}/", "/assets/000000000000/");
        Reply r = api.get(old, Auth.none()).expect(200);
        assertThat(r.headers("cache-control")).containsExactly("no-cache");
    }

    @Test
    void unknownFilesAndPathsStayJsonNotFound() {
        String dir = appPath().replace("app.js", "");
        assertThat(api.get(dir + "nope.js", Auth.none()).expect(404).errorCode())
                .isEqualTo("not_found");
        assertThat(api.get(dir + "../../etc/passwd", Auth.none()).status()).isEqualTo(404);
        assertThat(api.get("/wp-admin", Auth.none()).expect(404).errorCode()).isEqualTo("not_found");
        assertThat(api.get("/api/nope", Auth.none()).expect(404).errorCode()).isEqualTo("not_found");
    }

    @Test
    void everyModuleImportsByRelativePathSoTheBrowserNeedsNoImportMap() {
        ConsoleAssets assets = ConsoleAssets.load();
        int imports = 0;
        for (String path : assets.paths()) {
            if (!path.endsWith(".js")) {
                continue;
            }
            String js = new String(assets.file(path).orElseThrow().plain(), StandardCharsets.UTF_8);
            Matcher m = IMPORT.matcher(js);
            while (m.find()) {
                imports++;
                assertThat(m.group(1)).as("an import in %s", path).startsWith(".");
                assertThat(assets.file(resolve(path, m.group(1))))
                        .as("%s imports %s", path, m.group(1))
                        .isPresent();
            }
        }
        assertThat(imports)
                .as("the pages, the shell and the hooks import something")
                .isGreaterThan(30);
    }

    @Test
    void theWholeConsoleStaysUnder300KilobytesCompressed() {
        ConsoleAssets assets = ConsoleAssets.load();
        long total = assets.index().gzipped().length;
        for (String path : assets.paths()) {
            total += assets.file(path).orElseThrow().gzipped().length;
        }
        assertThat(total).isLessThan(300 * 1024);
    }

    private String appPath() {
        Matcher m = ASSET.matcher(api.get("/", Auth.none()).expect(200).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String resolve(String from, String spec) {
        return URI.create("x:/" + from).resolve(spec).getPath().substring(1);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
