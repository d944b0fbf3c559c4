package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteBufferFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Finds one top-level field of a JSON object as its bytes stream past, without holding the body:
 * a non-blocking parser is fed each chunk, and only the tokens of the wanted field's value are
 * copied. Lets byte passthrough read {@code usage} from a non-streamed answer while forwarding it.
 */
public final class TopLevelFieldScanner {
    private final String field;
    private final JsonParser parser;
    private final ByteBufferFeeder feeder;
    private int depth;
    private boolean capturing;
    private int captureDepth;
    private TokenBuffer captured;
    private JsonNode value;
    private boolean broken;

    public TopLevelFieldScanner(String field) {
        this.field = field;
        try {
            this.parser = Json.mapper().getFactory().createNonBlockingByteBufferParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.feeder = (ByteBufferFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Feeds the readable bytes of {@code chunk} (indexes untouched, not released). */
    public void feed(ByteBuf chunk) {
        if (broken || value != null || !chunk.isReadable()) {
            return;
        }
        try {
            for (ByteBuffer nio : chunk.nioBuffers(chunk.readerIndex(), chunk.readableBytes())) {
                feeder.feedInput(nio);
                drain();
                if (broken || value != null) {
                    return;
                }
            }
        } catch (IOException e) {
            broken = true; // not JSON after all: report nothing rather than guess
        }
    }

    /** The field's value once it has fully passed, else null. */
    public JsonNode value() {
        return value;
    }

    private void drain() throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
            if (capturing) {
                captured.copyCurrentEvent(parser);
                if (t.isStructStart()) {
                    captureDepth++;
                } else if (t.isStructEnd()) {
                    captureDepth--;
                }
                if (captureDepth == 0) {
                    capturing = false;
                    try (JsonParser p = captured.asParser(Json.mapper())) {
                        value = p.readValueAsTree();
                    }
                    return;
                }
                continue;
            }
            if (t == JsonToken.FIELD_NAME && depth == 1 && parser.currentName().equals(field)) {
                // the value's tokens follow (maybe in a later chunk); depth 0 until its first token
                capturing = true;
                captureDepth = 0;
                captured = new TokenBuffer(parser);
                continue;
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        }
    }
}
