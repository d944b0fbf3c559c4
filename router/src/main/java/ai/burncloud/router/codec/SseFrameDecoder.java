package ai.burncloud.router.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.util.List;

/**
 * Frames a server-sent-event byte stream into events, incrementally: events split across reads,
 * LF, CRLF and lone-CR line ends, and lines of any length up to {@code maxEventBytes} are handled.
 *
 * <p>Zero-copy where it can be: while nothing is pending, complete events are emitted as retained
 * slices of the input buffer; only the tail of a partial event is copied into an internal buffer.
 * The scan position is remembered between calls, so no byte is examined twice.
 *
 * <p>Ownership: {@link #decode} never releases {@code in}; every emitted {@link SseEvent} holds its
 * own reference, released by whoever consumes it. {@link #close()} releases the pending tail.
 */
public final class SseFrameDecoder implements AutoCloseable {
    private final int maxEventBytes;
    private ByteBuf pending;
    /** Absolute index in {@code pending} up to which bytes have been scanned. */
    private int scanIndex;
    /** Whether the line being scanned has no bytes yet (a terminator now would end the event). */
    private boolean atLineStart = true;

    public SseFrameDecoder(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /** Adds the events completed by {@code in} to {@code out}. */
    public void decode(ByteBuf in, List<SseEvent> out) {
        if (pending == null) {
            int consumed = scan(in, in.readerIndex(), out);
            in.readerIndex(consumed);
            if (in.isReadable()) {
                pending = in.alloc().buffer(Math.max(256, in.readableBytes() * 2));
                scanIndex = pending.writerIndex() + (scanIndex - consumed);
                pending.writeBytes(in);
            }
            return;
        }
        appendToPending(in);
        int consumed = scan(pending, scanIndex, out);
        pending.readerIndex(consumed);
        if (!pending.isReadable()) {
            pending.release();
            pending = null;
        }
    }

    /** The stream ended: a final event that lacked its blank line is emitted as it is. */
    public void finish(List<SseEvent> out) {
        if (pending != null && pending.isReadable()) {
            ByteBuf rest = pending.readRetainedSlice(pending.readableBytes());
            if (hasContent(rest)) {
                out.add(new SseEvent(rest));
            } else {
                rest.release();
            }
        }
        close();
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        atLineStart = true;
    }

    /**
     * Scans {@code buf} from {@code from}, emitting complete events as retained slices.
     *
     * @return the index where the first incomplete event starts
     */
    private int scan(ByteBuf buf, int from, List<SseEvent> out) {
        int eventStart = buf.readerIndex();
        int end = buf.writerIndex();
        int i = pending == null ? buf.readerIndex() : from;
        while (i < end) {
            int eol = buf.forEachByte(i, end - i, ByteProcessor.FIND_CRLF);
            if (eol < 0) {
                if (end > i) {
                    atLineStart = false;
                }
                i = end;
                break;
            }
            if (eol > i) {
                atLineStart = false;
            }
            int terminatorEnd;
            if (buf.getByte(eol) == '\r') {
                if (eol + 1 >= end) {
                    // a CR at the edge: wait for the next byte to learn whether it is CRLF
                    i = eol;
                    break;
                }
                terminatorEnd = buf.getByte(eol + 1) == '\n' ? eol + 2 : eol + 1;
            } else {
                terminatorEnd = eol + 1;
            }
            if (atLineStart) {
                emit(buf, eventStart, terminatorEnd, out);
                eventStart = terminatorEnd;
            }
            atLineStart = true;
            i = terminatorEnd;
        }
        if (i - eventStart > maxEventBytes) {
            throw new SseFrameTooLongException(maxEventBytes);
        }
        scanIndex = i;
        return eventStart;
    }

    private static void emit(ByteBuf buf, int start, int end, List<SseEvent> out) {
        ByteBuf slice = buf.retainedSlice(start, end - start);
        if (hasContent(slice)) {
            out.add(new SseEvent(slice));
        } else {
            slice.release();
        }
    }

    /** An "event" of nothing but line ends (a stray blank line) carries nothing worth emitting. */
    private static boolean hasContent(ByteBuf b) {
        return b.forEachByte(ByteProcessor.FIND_NON_CRLF) >= 0;
    }

    private void appendToPending(ByteBuf in) {
        int readable = in.readableBytes();
        if (pending.refCnt() > 1 || pending.maxWritableBytes() < readable) {
            // slices of the pending buffer are still out: never move bytes under them, copy instead
            ByteBuf fresh = pending.alloc().buffer(pending.readableBytes() + readable);
            int shift = pending.readerIndex();
            fresh.writeBytes(pending);
            pending.release();
            pending = fresh;
            scanIndex -= shift;
        } else if (pending.readerIndex() > 0 && pending.writableBytes() < readable) {
            int shift = pending.readerIndex();
            pending.discardReadBytes();
            scanIndex -= shift;
        }
        pending.writeBytes(in, in.readerIndex(), readable);
        in.skipBytes(readable);
    }
}
