package ai.burncloud.router.translate.ir;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SseEventNamesTest {
    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s.replace("\\r", "\r").replace("\\n", "\n"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
        "'event: message_start\\ndata: {}\\n\\n', message_start",
        "'event:error\\r\\ndata: {}\\r\\n\\r\\n', error",
        "'data: {}\\n\\n', ",
        "'id: 1\\nevent: x\\n\\n', "
    })
    void readsOnlyAFirstLineEventName(String raw, String expected) {
        assertThat(SseEventNames.firstLineName(buf(raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'data: a\\n\\n', true",
        "'data: a\\r\\n\\r\\n', true",
        "'data: a\\r\\r', true",
        "'data: a\\n\\r\\n', true",
        "'data: a\\n', false",
        "'data: a\\r\\n', false",
        "'data: a', false"
    })
    void tellsWhetherAnEventKeptItsBlankLine(String raw, boolean terminated) {
        assertThat(SseEventNames.terminated(buf(raw))).isEqualTo(terminated);
    }
}
