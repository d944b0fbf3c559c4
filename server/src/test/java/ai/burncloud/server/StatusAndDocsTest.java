package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.server.ApiClient.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusAndDocsTest extends ApiTestBase {

    @Test
    void statusIsPublic() {
        JsonNode s = api.get("/api/status", Auth.none()).expect(200).json();
        assertThat(s.path("version").asText()).isNotBlank();
        assertThat(s.path("database").asText()).isEqualTo("sqlite");
        assertThat(s.path("uptime_s").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(s.path("registration_enabled").asBoolean()).isFalse();
    }

    @Test
    void theOpenApiDocumentIsValidOpenApi3() {
        String doc = api.get("/api/openapi.json", Auth.none()).expect(200).body();
        SwaggerParseResult result = new OpenAPIParser().readContents(doc, null, null);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRegisteredEndpoints() {
        JsonNode doc = api.get("/api/openapi.json", Auth.none()).json();
        List<String> documented = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            var p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(controlPlane.endpoints());
        assertThat(controlPlane.endpoints()).hasSizeGreaterThan(40);
    }

    @Test
    void unknownPathsAndBadMethodsAnswerInTheErrorShape() {
        var r = api.get("/api/nothing-here", Auth.none()).expect(404);
        assertThat(r.errorCode()).isEqualTo("not_found");
        assertThat(api.send("PUT", "/api/status", "{}", Auth.none(), null).status())
                .isIn(404, 405);
    }

    @Test
    void metricsCountSettledRequests() {
        dataPlane.inFlight = 2;
        dataPlane.settle(FakeDataPlane.row(1, 1, 4L, "gpt-4o", 200, 100, 50, 2_500_000, 150, 30L));
        dataPlane.settle(FakeDataPlane.row(1, 1, 4L, "gpt-4o", 502, 0, 0, 0, 10, null));
        Auth root = Auth.bearer(root().bearer());
        api.post(
                        "/api/channels",
                        "{\"name\":\"c1\",\"type\":\"openai\",\"key\":\"sk-abcdefghijklmnopqrstu\",\"models\":[\"gpt-4o\"]}",
                        root)
                .expect(201);
        String text = api.get("/metrics", Auth.none()).expect(200).body();
        assertThat(text).contains("burncloud_requests_total{channel=\"4\",model=\"gpt-4o\",status=\"200\"} 1.0");
        assertThat(text).contains("burncloud_requests_total{channel=\"4\",model=\"gpt-4o\",status=\"502\"} 1.0");
        assertThat(text).contains("burncloud_tokens_total{model=\"gpt-4o\",type=\"prompt\"} 100.0");
        assertThat(text).contains("burncloud_tokens_total{model=\"gpt-4o\",type=\"completion\"} 50.0");
        assertThat(text).contains("burncloud_cost_dollars_total{model=\"gpt-4o\"} 0.0025");
        assertThat(text).contains("burncloud_errors_total{code=\"upstream_error\"} 1.0");
        assertThat(text).contains("burncloud_request_latency_seconds_bucket");
        assertThat(text).contains("burncloud_request_latency_seconds_count{model=\"gpt-4o\"} 2");
        assertThat(text).contains("burncloud_in_flight_requests 2.0");
        assertThat(text).contains("burncloud_channel_up{channel=\"1\",name=\"c1\"} 1.0");
        assertThat(text).doesNotContain("sk-abcdefghijklmnopqrstu");
    }
}
