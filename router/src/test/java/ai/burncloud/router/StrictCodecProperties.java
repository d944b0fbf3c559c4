package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The codec's obs-fold rule holds however the bytes are cut into reads, and never fires on bodies. */
class StrictCodecProperties {
    @Property(seed = "20261206")
    void foldedHeadersAreRefusedAndOthersAcceptedWhateverTheReads(
            @ForAll("headerValues") List<String> values,
            @ForAll boolean fold,
            @ForAll("bodies") String body,
            @ForAll @IntRange(min = 1, max = 64) int readSize) {
        StringBuilder raw = new StringBuilder("POST /v1/x HTTP/1.1\r\nHost: h\r\n");
        for (int i = 0; i < values.size(); i++) {
            raw.append("X-H").append(i).append(": ").append(values.get(i)).append("\r\n");
            if (fold && i == values.size() - 1) {
                raw.append(" continued\r\n");
            }
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        raw.append("Content-Length: ").append(b.length).append("\r\n\r\n").append(body);
        // a second request after it: its headers are checked as well, its fold-free
        raw.append("GET /health HTTP/1.1\r\nHost: h\r\n\r\n");
        EmbeddedChannel ch =
                new EmbeddedChannel(new StrictHttpServerCodec(8192, 65536, 65536), new HttpObjectAggregator(1 << 20));
        byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length && ch.isOpen(); at += readSize) {
            ch.writeInbound(Unpooled.copiedBuffer(bytes, at, Math.min(readSize, bytes.length - at)));
        }
        List<FullHttpRequest> got = new ArrayList<>();
        Object m;
        while ((m = ch.readInbound()) != null) {
            got.add((FullHttpRequest) m);
        }
        try {
            assertThat(got).isNotEmpty();
            assertThat(got.get(0).decoderResult().isFailure()).isEqualTo(fold);
            if (!fold) {
                assertThat(got).hasSize(2);
                assertThat(got.get(0).content().toString(StandardCharsets.UTF_8))
                        .isEqualTo(body);
                assertThat(got.get(1).decoderResult().isSuccess()).isTrue();
            }
        } finally {
            got.forEach(FullHttpRequest::release);
            ch.finishAndReleaseAll();
        }
    }

    @Provide
    Arbitrary<List<String>> headerValues() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(20)
                .list()
                .ofMinSize(1)
                .ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> bodies() {
        // bodies full of line breaks followed by spaces: folding look-alikes that are not headers
        return Arbitraries.strings().withChars("\r\n \tab{}\":").ofMaxLength(60);
    }
}
