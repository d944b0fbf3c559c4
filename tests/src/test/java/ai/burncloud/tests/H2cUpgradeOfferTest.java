package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java's own HTTP client (and curl --http2) offers an h2c upgrade on every plain-HTTP request. The
 * control plane behind the one port must still answer over HTTP/1.1 instead of leaving the client
 * waiting (it did: a script signing in with java.net.http hung until its timeout).
 */
class H2cUpgradeOfferTest {
    private static RunningGateway gw;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void apiRequestsOfferingH2cAreAnsweredOverHttp11() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> status = http.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/status"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/auth/login"))
                        .timeout(Duration.ofSeconds(5))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"root\",\"password\":\"wrong-password\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(status.body()).contains("\"version\"");
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("\"error\"");
    }
}
