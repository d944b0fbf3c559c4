package ai.burncloud.router.translate.openai;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.util.List;

/**
 * Same-dialect, non-streamed responses: every chunk goes to the client as it arrives (a retained
 * duplicate of the upstream's bytes) while a non-blocking JSON parser reads the usage on the way. The body is never
 * held whole. Bodies that are not JSON (audio) pass through untouched with unknown usage.
 */
final class OpenAiJsonPassthroughConverter implements ResponseConverter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final OpenAiPayloadReader reader;
    private JsonParser parser;
    private byte[] scratch;
    private boolean broken;

    OpenAiJsonPassthroughConverter(CompletionTextSink sink) {
        this.reader = new OpenAiPayloadReader(sink);
    }

    /** Null: the upstream's own Content-Type is kept (JSON, or audio for speech). */
    @Override
    public String contentType() {
        return null;
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (!chunk.isReadable()) {
            return;
        }
        if (!broken) {
            try {
                if (parser == null) {
                    parser = FACTORY.createNonBlockingByteArrayParser();
                }
                // one bulk copy, then Jackson reads an array (its ByteBuffer reader pays per byte);
                // every token is consumed before the next feed, so the array can be reused
                int n = chunk.readableBytes();
                if (scratch == null || scratch.length < n) {
                    scratch = new byte[Math.max(n, 1024)];
                }
                chunk.getBytes(chunk.readerIndex(), scratch, 0, n);
                ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(scratch, 0, n);
                reader.consume(parser);
            } catch (IOException | RuntimeException e) {
                broken = true; // not JSON after all: keep forwarding, usage stays unknown
            }
        }
        out.add(chunk.retainedDuplicate());
    }

    @Override
    public void onEnd(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (parser != null && !broken) {
            try {
                ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).endOfInput();
                reader.consume(parser);
            } catch (IOException | RuntimeException e) {
                broken = true;
            }
        }
    }

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {
        // half a JSON document has been sent: nothing can be appended that a client would parse
    }

    @Override
    public TokenUsage usage() {
        return reader.usage();
    }

    @Override
    public UpstreamFault fault() {
        return null;
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing to release beyond the parser's own buffers
            }
            parser = null;
        }
    }
}
