package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile query strings on /api (raw bytes: no HTTP client would send them) are 400s, never 500s. */
class QueryParsingTest extends ApiTestBase {
    @Test
    void aRawPercentInAnApiQueryIs400() throws IOException {
        String token = root().bearer();
        for (String query : new String[] {"model=%", "model=%zz", "model=abc%4", "%=1", "page=%"}) {
            String res = raw("GET /api/logs?" + query + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(res).as(query).startsWith("HTTP/1.1 400");
            assertThat(Json.parse(res.substring(res.indexOf("\r\n\r\n") + 4))
                            .path("error")
                            .path("code")
                            .asText())
                    .isEqualTo("invalid_request");
        }
    }

    @Test
    void aNulInAFilterIs400BeforeAnyDatabaseSeesIt() throws IOException {
        String token = root().bearer();
        String res = raw("GET /api/logs?model=a%00b HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");
        assertThat(res).startsWith("HTTP/1.1 400").contains("control characters");
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", controlPlane.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
