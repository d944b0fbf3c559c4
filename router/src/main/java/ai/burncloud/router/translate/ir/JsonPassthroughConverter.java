package ai.burncloud.router.translate.ir;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.function.Function;

/**
 * Same-dialect, non-streamed: forwards the upstream's JSON bytes as they arrive (retained
 * duplicates, no copy) and reads the usage field on the way with a {@link TopLevelFieldScanner}, so
 * the body is never held whole.
 */
public final class JsonPassthroughConverter implements ResponseConverter {
    private final TopLevelFieldScanner scanner;
    private final Function<JsonNode, TokenUsage> usageReader;

    /**
     * @param usageField the top-level field holding usage ({@code usage}, {@code usageMetadata})
     */
    public JsonPassthroughConverter(String usageField, Function<JsonNode, TokenUsage> usageReader) {
        this.scanner = new TopLevelFieldScanner(usageField);
        this.usageReader = usageReader;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        scanner.feed(chunk);
        out.add(chunk.retainedDuplicate());
    }

    @Override
    public void onEnd(ByteBufAllocator alloc, List<ByteBuf> out) {}

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {}

    @Override
    public TokenUsage usage() {
        JsonNode v = scanner.value();
        return v == null ? TokenUsage.NONE : usageReader.apply(v);
    }

    @Override
    public UpstreamFault fault() {
        return null;
    }

    @Override
    public void close() {}
}
