package ai.burncloud.router;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Netty's {@code HttpServerCodec} (HEAD answers carry no body), plus one rule Netty's decoder does not
 * enforce: obsolete line folding (a header line starting with a space or tab, RFC 9112 §5.2) makes the
 * request malformed — answered 400 and the connection closed — where Netty would quietly join the
 * lines (a proxy in front that splits them differently is how requests get smuggled). Only header
 * sections are scanned, each byte once; message boundaries come from the decoder itself, so
 * pipelined requests and bodies are told apart exactly.
 */
final class StrictHttpServerCodec extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>();

    StrictHttpServerCodec(int maxInitialLineLength, int maxHeaderSize, int maxChunkSize) {
        init(
                new Decoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(maxInitialLineLength)
                        .setMaxHeaderSize(maxHeaderSize)
                        .setMaxChunkSize(maxChunkSize)),
                new Encoder());
    }

    private final class Decoder extends HttpRequestDecoder {
        private boolean inHeaders = true;
        private boolean requestLineSeen;
        private int lineLength;
        /** Bytes past the reader index already scanned (the decoder consumes whole lines only). */
        private int scannedAhead;

        private boolean refused;

        Decoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            if (refused) {
                buffer.skipBytes(buffer.readableBytes());
                return;
            }
            if (inHeaders && folds(buffer)) {
                refused = true;
                buffer.skipBytes(buffer.readableBytes());
                HttpMessage bad = createInvalidMessage();
                bad.setDecoderResult(
                        DecoderResult.failure(new IllegalArgumentException("obsolete line folding in headers")));
                out.add(bad);
                return;
            }
            int before = out.size();
            int readerBefore = buffer.readerIndex();
            super.decode(ctx, buffer, out);
            scannedAhead = Math.max(0, scannedAhead - (buffer.readerIndex() - readerBefore));
            for (int i = before; i < out.size(); i++) {
                Object o = out.get(i);
                if (o instanceof HttpRequest r) {
                    methods.add(r.method());
                    inHeaders = false;
                }
                if (o instanceof LastHttpContent) {
                    // the next byte starts the next request's header section
                    inHeaders = true;
                    requestLineSeen = false;
                    lineLength = 0;
                    scannedAhead = 0;
                }
            }
        }

        /** Scans the not yet scanned header bytes; true when a folded line starts. */
        private boolean folds(ByteBuf b) {
            int from = b.readerIndex() + scannedAhead;
            for (int i = from; i < b.writerIndex(); i++) {
                byte c = b.getByte(i);
                scannedAhead++;
                if (c == '\n') {
                    if (lineLength == 0 && requestLineSeen) {
                        return false; // the empty line: the rest is the decoder's business
                    }
                    requestLineSeen |= lineLength > 0;
                    lineLength = 0;
                } else if (c != '\r') {
                    if (lineLength == 0 && requestLineSeen && (c == ' ' || c == '\t')) {
                        return true;
                    }
                    lineLength++;
                }
            }
            return false;
        }
    }

    private final class Encoder extends HttpResponseEncoder {
        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            HttpMethod method = methods.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
        }
    }
}
