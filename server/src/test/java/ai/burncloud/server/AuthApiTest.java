package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.Money;
import ai.burncloud.database.NewToken;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import ai.burncloud.service.PasswordHasher;
import ai.burncloud.service.RootAccount;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuthApiTest extends ApiTestBase {

    @Test
    void loginSetsAnHttpOnlyLaxCookieAndReturnsAnAccessTokenAndTheUser() {
        Reply r = api.post(
                        "/api/auth/login",
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}",
                        Auth.none())
                .expect(200);
        assertThat(r.json().path("access_token").asText()).startsWith("bcs-");
        assertThat(r.json().path("csrf_token").asText()).isNotBlank();
        assertThat(r.json().path("user").path("username").asText()).isEqualTo("root");
        assertThat(r.json().path("user").path("role").asText()).isEqualTo("root");
        assertThat(r.json().path("user").has("password_hash")).isFalse();
        String cookie = r.headers("set-cookie").get(0);
        assertThat(cookie)
                .startsWith("burncloud_session=" + r.json().path("access_token").asText() + ";");
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void theCookieIsSecureBehindTls() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/login"))
                .header("x-forwarded-proto", "https")
                .header("x-burncloud-relay", controlPlane.relaySecret())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}"))
                .build();
        HttpResponse<String> r = api.http().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("set-cookie").orElseThrow()).containsIgnoringCase("Secure");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        Reply wrong = api.post("/api/auth/login", "{\"username\":\"root\",\"password\":\"nope-nope\"}", Auth.none())
                .expect(401);
        Reply unknown = api.post("/api/auth/login", "{\"username\":\"ghost\",\"password\":\"nope-nope\"}", Auth.none())
                .expect(401);
        assertThat(wrong.json().path("error").path("message").asText())
                .isEqualTo(unknown.json().path("error").path("message").asText());
        assertThat(wrong.json().path("error").path("type").asText()).isNotBlank();
    }

    @Test
    void meWorksWithTheBearerTokenAndWithTheCookie() {
        Auth root = root();
        Reply bearer = api.get("/api/me", Auth.bearer(root.bearer())).expect(200);
        assertThat(bearer.json().path("username").asText()).isEqualTo("root");
        assertThat(bearer.json().path("invite_code").asText()).hasSize(10);
        assertThat(bearer.json().has("csrf_token")).isFalse();
        Reply cookie = api.get("/api/me", root.cookieOnly()).expect(200);
        assertThat(cookie.json().path("csrf_token").asText()).isEqualTo(root.csrf());
        api.get("/api/me", Auth.none()).expect(401);
        api.get("/api/me", Auth.bearer("bcs-forged")).expect(401);
    }

    @Test
    void cookieWritesNeedTheCsrfTokenBearerWritesDoNot() {
        Auth root = root();
        String body = "{\"username\":\"alice\",\"password\":\"password-1\"}";
        List<Object> before = state();
        Reply noCsrf = api.post("/api/users", body, root.cookieWithoutCsrf()).expect(403);
        assertThat(noCsrf.errorCode()).isEqualTo("permission_denied");
        api.post("/api/users", body, new Auth(null, root.cookie(), "wrong")).expect(403);
        assertThat(state()).isEqualTo(before);
        api.post("/api/users", body, root.cookieOnly()).expect(201);
        api.post("/api/users", body.replace("alice", "bob"), Auth.bearer(root.bearer()))
                .expect(201);
        api.get("/api/users", root.cookieWithoutCsrf()).expect(200);
    }

    @Test
    void dataPlaneKeysDoNotWorkOnTheApi() {
        String key = ApiKeys.generate();
        repos.tokens()
                .create(new NewToken(
                        userId("root"),
                        "k",
                        ApiKeys.hash(key),
                        ApiKeys.displayPrefix(key),
                        -1,
                        -1,
                        List.of(),
                        List.of(),
                        null,
                        0));
        Reply r = api.get("/api/me", Auth.bearer(key)).expect(401);
        assertThat(r.json().path("error").path("message").asText()).contains("sk-");
        api.get("/api/tokens", Auth.bearer(key)).expect(401);
    }

    @Test
    void logoutEndsTheSession() {
        Auth root = root();
        api.post("/api/auth/logout", null, Auth.bearer(root.bearer())).expect(204);
        api.get("/api/me", Auth.bearer(root.bearer())).expect(401);
        api.get("/api/me", root.cookieOnly()).expect(401);
    }

    @Test
    void logoutWithTheCookieNeedsTheCsrfToken() {
        Auth root = root();
        api.post("/api/auth/logout", null, root.cookieWithoutCsrf()).expect(403);
        api.get("/api/me", root.cookieOnly()).expect(200);
        Reply out = api.post("/api/auth/logout", null, root.cookieOnly()).expect(204);
        assertThat(out.headers("set-cookie").get(0)).contains("Max-Age=0");
    }

    @Test
    void failedLoginsAreLimitedPerUser() {
        for (int i = 0; i < 5; i++) {
            api.send(
                            "POST",
                            "/api/auth/login",
                            "{\"username\":\"root\",\"password\":\"bad-" + i + "\"}",
                            Auth.none(),
                            "10.0.0." + (i + 1))
                    .expect(401);
        }
        Reply limited = api.send(
                        "POST",
                        "/api/auth/login",
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}",
                        Auth.none(),
                        "10.0.0.99")
                .expect(429);
        assertThat(limited.errorCode()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.headers("retry-after")).isNotEmpty();
    }

    @Test
    void loginAttemptsAreLimitedPerAddress() {
        for (int i = 0; i < 20; i++) {
            api.send(
                            "POST",
                            "/api/auth/login",
                            "{\"username\":\"u" + i + "\",\"password\":\"whatever-1\"}",
                            Auth.none(),
                            "10.7.7.7")
                    .expect(401);
        }
        api.send(
                        "POST",
                        "/api/auth/login",
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}",
                        Auth.none(),
                        "10.7.7.7")
                .expect(429);
        api.send(
                        "POST",
                        "/api/auth/login",
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}",
                        Auth.none(),
                        "10.7.7.8")
                .expect(200);
    }

    @Test
    void aDisabledUserCannotLogInAndLosesTheirSessions() {
        Auth alice = user("alice");
        Auth root = root();
        api.patch("/api/users/" + userId("alice"), "{\"status\":\"disabled\"}", Auth.bearer(root.bearer()))
                .expect(200);
        api.get("/api/me", Auth.bearer(alice.bearer())).expect(401);
        api.post("/api/auth/login", "{\"username\":\"alice\",\"password\":\"password-alice\"}", Auth.none())
                .expect(403);
    }

    @Test
    void registrationIsOffByDefault() {
        List<Object> before = state();
        api.post("/api/auth/register", "{\"username\":\"newbie\",\"password\":\"password-1\"}", Auth.none())
                .expect(403);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void registeringWithAnInviteCodeCreditsBothSides() {
        Auth root = root();
        user("inviter", "user", "1");
        String code = api.get(
                        "/api/me",
                        Auth.bearer(api.login("inviter", "password-inviter").bearer()))
                .json()
                .path("invite_code")
                .asText();
        api.patch(
                        "/api/options",
                        "{\"registration_enabled\":true,\"invite_bonus_invitee\":2.5,\"invite_bonus_inviter\":0.75}",
                        Auth.bearer(root.bearer()))
                .expect(200);
        Reply r = api.post(
                        "/api/auth/register",
                        "{\"username\":\"invitee\",\"password\":\"password-1\",\"invite_code\":\"" + code + "\"}",
                        Auth.none())
                .expect(201);
        assertThat(r.json().path("access_token").asText()).startsWith("bcs-");
        assertThat(r.json().path("user").path("balance").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(r.json().path("user").path("inviter_id").asLong()).isEqualTo(userId("inviter"));
        assertThat(repos.users().findByUsername("inviter").orElseThrow().balance())
                .isEqualTo(Money.parseDollars("1.75"));
        api.get("/api/me", Auth.bearer(r.json().path("access_token").asText())).expect(200);
        api.post(
                        "/api/auth/register",
                        "{\"username\":\"x2\",\"password\":\"password-1\",\"invite_code\":\"NOPE\"}",
                        Auth.none())
                .expect(400);
    }

    @Test
    void concurrentSignUpsWithOneNameCreditTheInviterOnce() throws Exception {
        Auth root = root();
        user("host", "user", "0");
        String code = repos.users().findByUsername("host").orElseThrow().inviteCode();
        if (code == null) {
            code = api.get(
                            "/api/me",
                            Auth.bearer(api.login("host", "password-host").bearer()))
                    .json()
                    .path("invite_code")
                    .asText();
        }
        api.patch(
                        "/api/options",
                        "{\"registration_enabled\":true,\"invite_bonus_inviter\":1}",
                        Auth.bearer(root.bearer()))
                .expect(200);
        String body = "{\"username\":\"twin\",\"password\":\"password-1\",\"invite_code\":\"" + code + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String ip = "10.3.3." + i;
                calls.add(() -> api.send("POST", "/api/auth/register", body, Auth.none(), ip)
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repos.users().findByUsername("host").orElseThrow().balance()).isEqualTo(Money.parseDollars("1"));
    }

    @Test
    void changingThePasswordEndsEverySession() {
        Auth alice = user("alice");
        api.patch(
                        "/api/me",
                        "{\"current_password\":\"wrong-one\",\"password\":\"new-password-1\"}",
                        Auth.bearer(alice.bearer()))
                .expect(403);
        api.patch(
                        "/api/me",
                        "{\"current_password\":\"password-alice\",\"password\":\"new-password-1\"}",
                        Auth.bearer(alice.bearer()))
                .expect(204);
        api.get("/api/me", Auth.bearer(alice.bearer())).expect(401);
        api.login("alice", "new-password-1");
    }

    @Test
    void firstStartGivesRootARandomPasswordOnlyOnce() throws Exception {
        // a fresh database: root without a password
        java.nio.file.Files.createDirectories(dir.resolve("second"));
        try (var db2 = ai.burncloud.database.Database.open(
                ai.burncloud.database.testing.TestDatabases.sqlite(dir.resolve("second")))) {
            var repos2 = ai.burncloud.database.Repositories.over(db2);
            PasswordHasher hasher = new PasswordHasher(4);
            Optional<String> generated = RootAccount.ensurePassword(repos2, hasher, Optional.empty());
            assertThat(generated).isPresent();
            assertThat(generated.get()).hasSizeGreaterThanOrEqualTo(16);
            String hash = repos2.users().findByUsername("root").orElseThrow().passwordHash();
            assertThat(hasher.matches(generated.get(), hash)).isTrue();
            assertThat(RootAccount.ensurePassword(repos2, hasher, Optional.of("other-password")))
                    .isEmpty();
            assertThat(repos2.users().findByUsername("root").orElseThrow().passwordHash())
                    .isEqualTo(hash);
        }
    }

    @Test
    void xForwardedForFromAnyLocalProcessButTheDataPlaneIsIgnored() {
        ApiClient stranger = new ApiClient("http://127.0.0.1:" + controlPlane.port(), "not-the-secret");
        for (int i = 0; i < 20; i++) {
            // a fresh "address" per attempt: believed, it would dodge the per-address limit
            stranger.send(
                            "POST",
                            "/api/auth/login",
                            "{\"username\":\"u" + i + "\",\"password\":\"whatever-1\"}",
                            Auth.none(),
                            "10.8.0." + (i + 1))
                    .expect(401);
        }
        stranger.send(
                        "POST",
                        "/api/auth/login",
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}",
                        Auth.none(),
                        "10.8.0.99")
                .expect(429);
        // the data plane's relay still speaks for its callers
        api.send(
                        "POST",
                        "/api/auth/login",
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}",
                        Auth.none(),
                        "10.8.0.100")
                .expect(200);
    }
}
