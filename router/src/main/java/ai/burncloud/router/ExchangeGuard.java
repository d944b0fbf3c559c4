package ai.burncloud.router;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponse;

/**
 * The one door into a {@link ProxyExchange}: every event — the start, the client's, the upstream's,
 * the timers' — passes through here, and whatever it throws (a translator, a converter, a bug of
 * ours) ends the request through {@link ProxyExchange#crashed}: one clean error for the client, one
 * settlement, the hold and the in-flight count released, and no verdict on the upstream.
 */
final class ExchangeGuard implements UpstreamAttempt.Events, ClientExchange {
    private final ProxyExchange exchange;

    ExchangeGuard(ProxyExchange exchange) {
        this.exchange = exchange;
    }

    void start() {
        try {
            exchange.start();
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    @Override
    public void clientClosed() {
        try {
            exchange.clientClosed();
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    @Override
    public void clientWritable() {
        try {
            exchange.clientWritable();
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    /** The client left (reported by the event loop after the write or close that revealed it). */
    void clientGone() {
        try {
            exchange.clientGone();
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    void drainTimedOut() {
        try {
            exchange.drainTimedOut();
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    @Override
    public void onHead(HttpResponse head) {
        try {
            exchange.head(head);
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    @Override
    public void onContent(ByteBuf data, boolean last) {
        try {
            exchange.content(data, last);
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    @Override
    public void onReadComplete() {
        try {
            exchange.readComplete();
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }

    @Override
    public void onFailure(UpstreamAttempt.Failure failure, String message) {
        try {
            exchange.upstreamFailed(failure, message);
        } catch (Throwable t) {
            exchange.crashed(t);
        }
    }
}
