package ai.burncloud.router.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.UrlRedaction;
import ai.burncloud.router.translate.RequestFields;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.WellFormedUtf8;
import ai.burncloud.router.translate.anthropic.AnthropicRequestReader;
import ai.burncloud.router.translate.gemini.GeminiRequestReader;
import ai.burncloud.router.translate.ir.OpenAiRequestReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests for what reads client input: whatever the bytes, the outcome is a value or the
 * parser's own "bad request" exception — never another exception, which would be a 500. Fixed seed;
 * the number of tries is jqwik.tries.default (the fuzz.cases Maven property, a few thousand in CI).
 */
class ParserProperties {
    private static final String SEED = "20261206";

    @Property(seed = SEED)
    void requestFieldsAcceptsOrRefusesAnyBytes(@ForAll("bodies") byte[] body) {
        try {
            RequestFields f = RequestFields.parse(body, 0, body.length);
            if (f.maxTokens() != -1) {
                assertThat(f.maxTokens()).isBetween(1L, RequestFields.MAX_TOKENS_LIMIT);
            }
            if (f.model() != null) {
                // where the model sits is inside the body
                assertThat(f.modelStart()).isBetween(0, body.length);
                assertThat(f.modelEnd()).isBetween(f.modelStart(), body.length);
            }
        } catch (RequestFields.MalformedJson expected) {
            // the client's 400
        }
    }

    @Property(seed = SEED)
    void everyReaderAcceptsOrRefusesAnyJsonObject(@ForAll("objects") String json) throws Exception {
        JsonNode body = Json.mapper().readTree(json);
        for (int reader = 0; reader < 4; reader++) {
            try {
                switch (reader) {
                    case 0 -> OpenAiRequestReader.read(body, "anthropic");
                    case 1 -> AnthropicRequestReader.read(body, "openai");
                    case 2 -> GeminiRequestReader.read(body, false, "openai");
                    default -> GeminiRequestReader.readCountTokens(body, "openai");
                }
            } catch (TranslationException expected) {
                // the client's 400
            }
        }
    }

    @Property(seed = SEED)
    void redactedUrlsNeverCarryAKey(@ForAll("queries") String query, @ForAll("secrets") String secret) {
        String redacted = UrlRedaction.redact("/v1beta/models/m:generateContent?" + query + "&key=" + secret);
        assertThat(redacted).doesNotContain("key=" + secret).startsWith("/v1beta/models/m:generateContent");
    }

    /** The UTF-8 check agrees with the JDK's strict decoder on every byte string, wherever it starts. */
    @Property(seed = SEED)
    void wellFormedUtf8AgreesWithTheJdkDecoder(
            @ForAll("nearlyUtf8") byte[] bytes, @ForAll @IntRange(max = 9) int from) {
        int start = Math.min(from, bytes.length);
        int found = WellFormedUtf8.firstMalformed(bytes, start, bytes.length);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult jdk = decoder.decode(
                ByteBuffer.wrap(bytes, start, bytes.length - start), CharBuffer.allocate(bytes.length), true);
        if (jdk.isError()) {
            assertThat(found).as(HexFormat.of().formatHex(bytes)).isGreaterThanOrEqualTo(start);
        } else {
            assertThat(found).as(HexFormat.of().formatHex(bytes)).isEqualTo(-1);
        }
    }

    /** Text in every script with a byte or two changed, cut or inserted; sometimes just noise. */
    @Provide
    Arbitrary<byte[]> nearlyUtf8() {
        Arbitrary<byte[]> text =
                Arbitraries.strings().all().ofMaxLength(40).map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> spoiled = Combinators.combine(
                        text, Arbitraries.integers().between(0, 64), Arbitraries.bytes())
                .as((b, at, with) -> {
                    byte[] copy = java.util.Arrays.copyOf(b, b.length + 1);
                    int i = b.length == 0 ? 0 : at % (b.length + 1);
                    System.arraycopy(b, i, copy, i + 1, b.length - i);
                    copy[i] = with;
                    return at % 3 == 0 ? java.util.Arrays.copyOf(copy, i) : copy;
                });
        return Arbitraries.oneOf(
                text, spoiled, Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                objects().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                objects().map(s -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_16)));
    }

    /** JSON objects with the field names the readers look at, and values of every type and shape. */
    @Provide
    Arbitrary<String> objects() {
        return JsonShapes.object(3);
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.strings().withChars("abcdk=&%+#?eyKEY0123456789").ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(8)
                .ofMaxLength(40)
                .map(s -> "sk-" + s);
    }
}
