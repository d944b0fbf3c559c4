package ai.burncloud.router.translate.ir;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopLevelFieldScannerTest {
    private static com.fasterxml.jackson.databind.JsonNode scan(String json, int step) {
        TopLevelFieldScanner scanner = new TopLevelFieldScanner("usage");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += step) {
            ByteBuf chunk = Unpooled.wrappedBuffer(bytes, i, Math.min(step, bytes.length - i));
            scanner.feed(chunk);
            assertThat(chunk.readerIndex()).isZero();
        }
        return scanner.value();
    }

    @Test
    void findsTheTopLevelFieldWhereverTheChunksSplit() {
        String json = "{\"content\":[{\"text\":\"the \\\"usage\\\" word\",\"usage\":{\"nested\":true}}],"
                + "\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";
        for (int step = 1; step <= json.length(); step++) {
            assertThat(scan(json, step))
                    .as("step %d", step)
                    .isEqualTo(Json.parse("{\"input_tokens\":3,\"output_tokens\":2}"));
        }
    }

    @Test
    void scalarAndNullValuesAndAbsence() {
        assertThat(scan("{\"usage\":7}", 1).asInt()).isEqualTo(7);
        assertThat(scan("{\"usage\":null}", 2).isNull()).isTrue();
        assertThat(scan("{\"other\":{\"usage\":1}}", 3)).isNull();
        assertThat(scan("not json at all", 4)).isNull();
    }
}
