package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The client side of a response on an EmbeddedChannel. The regression behind issue 8's "load alone
 * shuts off a healthy provider": a write that fails because the client already left must not call
 * back into the exchange from inside the exchange's own method; the leaving is reported afterwards,
 * by the event loop, exactly once.
 */
class ClientStreamTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final ChannelHandlerContext ctx = channel.pipeline().firstContext();
    private final AtomicInteger goneReports = new AtomicInteger();
    private final ClientStream client = new ClientStream(ctx, "req_test", goneReports::incrementAndGet);

    @Test
    void aHeadWrittenToAClientThatLeftReportsItsLeavingLaterNotInsideTheWrite() {
        channel.close(); // the client hung up; the exchange has not heard yet
        client.start(HttpResponseStatus.OK, "application/json");
        assertThat(client.gone())
                .as("known at once: further writes are dropped")
                .isTrue();
        assertThat(goneReports).as("reported inside the caller's write").hasValue(0);
        client.write(Unpooled.copiedBuffer(new byte[] {1, 2, 3})); // dropped and released, no throw
        channel.runPendingTasks();
        assertThat(goneReports).as("reported by the event loop").hasValue(1);
        client.markGone();
        channel.runPendingTasks();
        assertThat(goneReports).as("once").hasValue(1);
    }

    @Test
    void aCompleteResponseIsNotAClientThatLeft() {
        client.start(HttpResponseStatus.OK, "application/json");
        client.write(Unpooled.copiedBuffer(new byte[] {1}));
        client.end();
        client.markGone();
        channel.runPendingTasks();
        assertThat(goneReports).hasValue(0);
        assertThat(channel.finishAndReleaseAll()).isTrue();
    }

    @Test
    void abortCutsTheResponseShortByClosingTheConnection() {
        client.start(HttpResponseStatus.OK, "text/event-stream");
        client.abort();
        assertThat(channel.isOpen()).isFalse();
        channel.runPendingTasks();
        assertThat(goneReports).hasValue(0);
        channel.finishAndReleaseAll();
    }
}
