package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Calls the control plane over HTTP the way the data plane forwards requests (with X-Forwarded-For). */
final class ApiClient {
    private final String base;
    private final String relaySecret;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param relaySecret sent as the data plane's relay does, so X-Forwarded-For is believed (null: not sent) */
    ApiClient(String base, String relaySecret) {
        this.base = base;
        this.relaySecret = relaySecret;
    }

    /** How a request authenticates. */
    record Auth(String bearer, String cookie, String csrf) {
        static Auth none() {
            return new Auth(null, null, null);
        }

        static Auth bearer(String token) {
            return new Auth(token, null, null);
        }

        Auth cookieOnly() {
            return new Auth(null, cookie, csrf);
        }

        Auth cookieWithoutCsrf() {
            return new Auth(null, cookie, null);
        }
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return Json.parse(body);
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }

        Reply expect(int expected) {
            assertThat(status).as("status of a reply with body %s", body).isEqualTo(expected);
            return this;
        }

        List<String> headers(String name) {
            return raw.headers().allValues(name);
        }
    }

    Reply send(String method, String path, String body, Auth auth, String ip) {
        return send(method, path, body, auth, ip, "application/json");
    }

    /** As {@link #send(String, String, String, Auth, String)} with the body's content type. */
    Reply send(String method, String path, String body, Auth auth, String ip, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("x-forwarded-for", ip == null ? "10.1.1.1" : ip)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("content-type", contentType);
        }
        if (relaySecret != null) {
            b.header("x-burncloud-relay", relaySecret);
        }
        if (auth.bearer() != null) {
            b.header("authorization", "Bearer " + auth.bearer());
        }
        if (auth.cookie() != null) {
            b.header("cookie", "burncloud_session=" + auth.cookie());
        }
        if (auth.csrf() != null) {
            b.header("x-csrf-token", auth.csrf());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, Auth auth) {
        return send("GET", path, null, auth, null);
    }

    Reply post(String path, String body, Auth auth) {
        return send("POST", path, body, auth, null);
    }

    Reply patch(String path, String body, Auth auth) {
        return send("PATCH", path, body, auth, null);
    }

    Reply put(String path, String body, Auth auth) {
        return send("PUT", path, body, auth, null);
    }

    Reply delete(String path, Auth auth) {
        return send("DELETE", path, null, auth, null);
    }

    /** Logs in; the Auth carries the access token, the cookie and the CSRF token. */
    Auth login(String username, String password) {
        Reply r = send(
                "POST",
                "/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
                Auth.none(),
                "10.9." + Math.abs(username.hashCode() % 250) + ".1");
        r.expect(200);
        String cookie = r.headers("set-cookie").stream()
                .filter(c -> c.startsWith("burncloud_session="))
                .map(c -> c.substring("burncloud_session=".length(), c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        return new Auth(
                r.json().path("access_token").asText(),
                cookie,
                r.json().path("csrf_token").asText());
    }

    HttpClient http() {
        return http;
    }

    String base() {
        return base;
    }
}
