package ai.burncloud.router.translate.ir;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.TrackingAllocator;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferedConverterTest {
    private final TrackingAllocator alloc = new TrackingAllocator();
    private final BodyConversion echo = body -> new BodyConversion.Result(body, TokenUsage.of(1, 1), "x");

    private String run(BufferedConverter c, String... chunks) {
        List<ByteBuf> out = new ArrayList<>();
        for (String s : chunks) {
            ByteBuf b = alloc.buffer().writeBytes(s.getBytes(StandardCharsets.UTF_8));
            c.onChunk(b, alloc, out);
            b.release();
        }
        c.onEnd(alloc, out);
        c.close();
        StringBuilder sb = new StringBuilder();
        out.forEach(b -> {
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        });
        assertThat(alloc.unreleased()).isZero();
        return sb.toString();
    }

    @Test
    void aNonJsonSuccessBodyBecomesAFaultInTheClientsShape() {
        BufferedConverter c = new BufferedConverter(ClientApi.ANTHROPIC, echo, t -> {});
        String out = run(c, "<html>", "oops</html>");
        assertThat(c.fault().type()).isEqualTo("upstream_protocol_error");
        assertThat(Json.parse(out).at("/error/type").asText()).isEqualTo("api_error");
        assertThat(c.usage()).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void anOversizedBodyIsRefusedNotHeld() {
        BufferedConverter c = new BufferedConverter(ClientApi.OPENAI, echo, t -> {}, 10);
        String out = run(c, "{\"a\":\"0123", "456789\"}");
        assertThat(c.fault()).isNotNull();
        assertThat(Json.parse(out).at("/error/message").asText()).contains("exceeds 10 bytes");
    }

    @Test
    void chunksAreJoinedBeforeConversion() {
        StringBuilder seen = new StringBuilder();
        BufferedConverter c = new BufferedConverter(ClientApi.OPENAI, echo, seen::append);
        assertThat(Json.parse(run(c, "{\"a\":", "[1,", "2]}"))).isEqualTo(Json.parse("{\"a\":[1,2]}"));
        assertThat(c.usage()).isEqualTo(TokenUsage.of(1, 1));
        assertThat(seen.toString()).isEqualTo("x");
    }
}
