package ai.burncloud.router.translate.ir;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * A streamed conversion: an upstream reader feeding a client writer, with usage, completion text
 * and faults observed on the way. Once the answer ended or failed, the client gets nothing more
 * (at most one end, at most one error event), but later usage reports are still recorded, so a
 * pipeline draining the upstream after its client left still learns the real numbers.
 *
 * <p>When {@link #fault()} becomes non-null during {@link #onChunk}, {@code out} already ends with
 * the client-dialect error event; a pipeline that has sent nothing yet may discard {@code out} and
 * fail over instead.
 */
public final class StreamingConverter implements ResponseConverter {
    private final UpstreamStreamReader reader;
    private final ClientStreamWriter writer;
    private final CompletionTextSink sink;
    private final List<StreamEvent> events = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;
    private UpstreamFault fault;
    private boolean finished;

    public StreamingConverter(UpstreamStreamReader reader, ClientStreamWriter writer, CompletionTextSink sink) {
        this.reader = reader;
        this.writer = writer;
        this.sink = sink;
    }

    @Override
    public String contentType() {
        return writer.contentType();
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (fault != null) {
            return; // a failed stream is over; nothing after the error is trustworthy
        }
        try {
            reader.read(chunk, events);
        } catch (RuntimeException e) {
            events.add(protocolError(e));
        }
        drain(alloc, out);
    }

    @Override
    public void onEnd(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (fault == null) {
            try {
                reader.finish(events);
            } catch (RuntimeException e) {
                events.add(protocolError(e));
            }
        }
        events.add(new StreamEvent.End());
        drain(alloc, out);
    }

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (!finished) {
            finished = true;
            writer.write(new StreamEvent.Failed(ErrorInfo.local(error, message)), alloc, out);
        }
    }

    @Override
    public TokenUsage usage() {
        return usage;
    }

    @Override
    public UpstreamFault fault() {
        return fault;
    }

    @Override
    public void close() {
        reader.close();
    }

    private void drain(ByteBufAllocator alloc, List<ByteBuf> out) {
        try {
            for (StreamEvent e : events) {
                observe(e);
                if (finished) {
                    continue;
                }
                if (e instanceof StreamEvent.End || e instanceof StreamEvent.Failed) {
                    finished = true;
                }
                try {
                    writer.write(e, alloc, out);
                } catch (RuntimeException cannotExpress) {
                    // the upstream did something the client's dialect cannot carry: end it visibly
                    StreamEvent.Failed failed = protocolError(cannotExpress);
                    if (fault == null) {
                        fault = failed.error().toFault();
                    }
                    finished = true;
                    writer.write(failed, alloc, out);
                }
            }
        } finally {
            events.clear();
        }
    }

    private void observe(StreamEvent e) {
        if (e instanceof StreamEvent.Usage u) {
            usage = u.usage();
        } else if (finished) {
            return;
        } else if (e instanceof StreamEvent.Text t) {
            sink.append(t.text());
        } else if (e instanceof StreamEvent.Reasoning r) {
            sink.append(r.text());
        } else if (e instanceof StreamEvent.ToolStart t) {
            sink.append(t.name());
        } else if (e instanceof StreamEvent.ToolArgs a) {
            sink.append(a.json());
        } else if (e instanceof StreamEvent.Failed f && fault == null) {
            fault = f.error().toFault();
        }
    }

    private static StreamEvent.Failed protocolError(RuntimeException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new StreamEvent.Failed(
                ErrorInfo.upstream(502, "upstream_protocol_error", "unreadable upstream stream: " + message));
    }
}
