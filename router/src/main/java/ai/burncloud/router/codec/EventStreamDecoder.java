package ai.burncloud.router.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Decodes AWS's binary event stream ({@code application/vnd.amazon.eventstream}, what Bedrock's
 * ConverseStream answers with) incrementally.
 *
 * <p>Each message is {@code [total u32][headers u32][prelude CRC32][headers][payload][message CRC32]},
 * big-endian. The prelude CRC is checked as soon as its 12 bytes are in (so a corrupt length is never
 * trusted to size a wait), the message CRC once the message is whole. A header is
 * {@code [name_len u8][name][type u8][value]}; every type is skipped by its size, strings (type 7)
 * are kept, others are rendered as text.
 *
 * <p>Zero-copy where it can be: complete messages in the input are emitted with retained slices of it
 * as payloads; only a trailing partial message is copied aside. Ownership: {@link #decode} never
 * releases {@code in}; each emitted message holds its own reference; {@link #close()} releases the
 * partial tail.
 */
public final class EventStreamDecoder implements AutoCloseable {
    private static final int PRELUDE = 12;
    private static final int MIN_MESSAGE = 16;

    private final int maxMessageBytes;
    private ByteBuf pending;

    public EventStreamDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Adds every message completed by {@code in} to {@code out}.
     *
     * @throws EventStreamCorruptedException on a CRC mismatch or an impossible length
     */
    public void decode(ByteBuf in, List<EventStreamMessage> out) {
        if (pending == null) {
            int consumed = parse(in, in.readerIndex(), in.writerIndex(), out);
            in.readerIndex(consumed);
            if (in.isReadable()) {
                pending = in.alloc().buffer(Math.max(256, in.readableBytes() * 2));
                pending.writeBytes(in);
            }
            return;
        }
        append(in);
        int consumed = parse(pending, pending.readerIndex(), pending.writerIndex(), out);
        pending.readerIndex(consumed);
        if (!pending.isReadable()) {
            pending.release();
            pending = null;
        }
    }

    /** Whether bytes of an unfinished message are held (a stream that ends here was cut short). */
    public boolean hasPartialMessage() {
        return pending != null && pending.isReadable();
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    /** Emits the complete messages in {@code [from, end)}; returns where the first incomplete one starts. */
    private int parse(ByteBuf buf, int from, int end, List<EventStreamMessage> out) {
        int i = from;
        while (end - i >= PRELUDE) {
            long total = buf.getUnsignedInt(i);
            long headersLength = buf.getUnsignedInt(i + 4);
            long preludeCrc = buf.getUnsignedInt(i + 8);
            if (crc(buf, i, 8) != preludeCrc) {
                throw new EventStreamCorruptedException("event-stream prelude CRC mismatch");
            }
            if (total < MIN_MESSAGE || total > maxMessageBytes || headersLength > total - MIN_MESSAGE) {
                throw new EventStreamCorruptedException("event-stream message length " + total + " is invalid");
            }
            if (end - i < total) {
                break;
            }
            int length = (int) total;
            long messageCrc = buf.getUnsignedInt(i + length - 4);
            if (crc(buf, i, length - 4) != messageCrc) {
                throw new EventStreamCorruptedException("event-stream message CRC mismatch");
            }
            int headersStart = i + PRELUDE;
            int payloadStart = headersStart + (int) headersLength;
            Map<String, String> headers = headers(buf, headersStart, payloadStart);
            out.add(new EventStreamMessage(headers, buf.retainedSlice(payloadStart, i + length - 4 - payloadStart)));
            i += length;
        }
        return i;
    }

    private static Map<String, String> headers(ByteBuf buf, int from, int end) {
        Map<String, String> headers = new LinkedHashMap<>();
        int i = from;
        while (i < end) {
            int nameLength = buf.getUnsignedByte(i++);
            require(i + nameLength + 1 <= end);
            String name = buf.toString(i, nameLength, StandardCharsets.UTF_8);
            i += nameLength;
            int type = buf.getUnsignedByte(i++);
            String value;
            switch (type) {
                case 0 -> value = "true";
                case 1 -> value = "false";
                case 2 -> {
                    require(i + 1 <= end);
                    value = Byte.toString(buf.getByte(i));
                    i += 1;
                }
                case 3 -> {
                    require(i + 2 <= end);
                    value = Short.toString(buf.getShort(i));
                    i += 2;
                }
                case 4 -> {
                    require(i + 4 <= end);
                    value = Integer.toString(buf.getInt(i));
                    i += 4;
                }
                case 5, 8 -> {
                    require(i + 8 <= end);
                    value = Long.toString(buf.getLong(i)); // timestamps: epoch milliseconds
                    i += 8;
                }
                case 6, 7 -> {
                    require(i + 2 <= end);
                    int length = buf.getUnsignedShort(i);
                    i += 2;
                    require(i + length <= end);
                    value = type == 7
                            ? buf.toString(i, length, StandardCharsets.UTF_8)
                            : ByteBufUtil.hexDump(buf, i, length);
                    i += length;
                }
                case 9 -> {
                    require(i + 16 <= end);
                    value = ByteBufUtil.hexDump(buf, i, 16);
                    i += 16;
                }
                default -> throw new EventStreamCorruptedException("event-stream header type " + type + " is unknown");
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static void require(boolean inside) {
        if (!inside) {
            throw new EventStreamCorruptedException("event-stream header runs past its block");
        }
    }

    private static long crc(ByteBuf buf, int index, int length) {
        CRC32 crc = new CRC32();
        if (buf.nioBufferCount() == 1) {
            crc.update(buf.nioBuffer(index, length));
        } else {
            for (ByteBuffer part : buf.nioBuffers(index, length)) {
                crc.update(part);
            }
        }
        return crc.getValue();
    }

    private void append(ByteBuf in) {
        int readable = in.readableBytes();
        if (pending.refCnt() > 1 || pending.maxWritableBytes() < readable) {
            // payload slices of the pending buffer are still out: never move bytes under them
            ByteBuf fresh = pending.alloc().buffer(pending.readableBytes() + readable);
            fresh.writeBytes(pending);
            pending.release();
            pending = fresh;
        } else if (pending.readerIndex() > 0 && pending.writableBytes() < readable) {
            pending.discardReadBytes();
        }
        pending.writeBytes(in, in.readerIndex(), readable);
        in.skipBytes(readable);
    }
}
