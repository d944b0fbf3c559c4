package ai.burncloud.router.translate.ir;

import ai.burncloud.router.codec.SseEvent;
import ai.burncloud.router.codec.SseFrameDecoder;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the readers whose upstream streams server-sent events: frames the bytes with the shared
 * {@link SseFrameDecoder} and hands each complete event to {@link #onEvent}, releasing it after.
 */
public abstract class SseUpstreamReader implements UpstreamStreamReader {
    /** Generous: one event carries at most one delta, but tool arguments can arrive whole. */
    private static final int MAX_EVENT_BYTES = 16 << 20;

    private final SseFrameDecoder decoder = new SseFrameDecoder(MAX_EVENT_BYTES);
    private final List<SseEvent> frames = new ArrayList<>();

    /** Handles one event; must not release it. */
    protected abstract void onEvent(SseEvent event, List<StreamEvent> out);

    @Override
    public final void read(ByteBuf chunk, List<StreamEvent> out) {
        decoder.decode(chunk.duplicate(), frames);
        drain(out);
    }

    @Override
    public final void finish(List<StreamEvent> out) {
        decoder.finish(frames);
        drain(out);
    }

    @Override
    public final void close() {
        SseEvent.releaseAll(frames);
        decoder.close();
    }

    private void drain(List<StreamEvent> out) {
        try {
            for (SseEvent e : frames) {
                onEvent(e, out);
            }
        } finally {
            SseEvent.releaseAll(frames);
        }
    }
}
