package ai.burncloud.router;

import ai.burncloud.router.translate.ClientRequest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;

/**
 * The prompt side of the quota hold, decided on the event loop before admission, so it must be cheap
 * whatever the body: never the tokenizer. A token is rarely under four bytes of JSON, so a quarter of
 * the body's bytes is the estimate; media (base64 images, audio, files) are no text, so for bodies
 * over {@value #SCAN_ABOVE_BYTES} bytes one streaming pass, which skips string contents without
 * decoding them, takes their bytes out first. Linear in the body, no allocation in proportion to it.
 */
final class PromptHold {
    static final int SCAN_ABOVE_BYTES = 64 * 1024;

    private static final JsonFactory FACTORY = ai.burncloud.common.Json.mapper().getFactory();

    private PromptHold() {}

    static long tokens(ClientRequest request) {
        long bytes = request.body().readableBytes();
        if (bytes > SCAN_ABOVE_BYTES && request.fields() != null) {
            bytes -= mediaBytes(request);
        }
        return (bytes + 3) / 4;
    }

    private static long mediaBytes(ClientRequest request) {
        long media = 0;
        try (JsonParser p = FACTORY.createParser(
                (java.io.InputStream) new ByteBufInputStream(request.body().duplicate()))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && PromptEstimator.MEDIA_FIELDS.contains(p.currentName())) {
                    long start = p.currentLocation().getByteOffset();
                    p.nextToken();
                    p.skipChildren();
                    media += p.currentLocation().getByteOffset() - start;
                }
            }
        } catch (IOException e) {
            // the body was parsed once already; whatever was measured stands
        }
        return media;
    }
}
