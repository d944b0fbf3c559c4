package ai.burncloud.router.translate.ir;

import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The body of a same-dialect request: the client's own bytes, re-serialised only to patch a mapped model. */
public final class ModelPatch {
    private ModelPatch() {}

    /** A new reference the caller owns: the client's bytes, or a copy whose {@code model} is patched. */
    public static ByteBuf body(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        if (!target.modelMapped()) {
            return request.body().retainedDuplicate();
        }
        ObjectNode json = ((ObjectNode) request.json()).deepCopy();
        json.put("model", target.upstreamModel());
        return JsonOut.json(alloc, json);
    }
}
