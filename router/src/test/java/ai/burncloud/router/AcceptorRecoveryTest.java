package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.router.testing.GatewayFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An OutOfMemoryError in the acceptor once left the process alive but not accepting for minutes.
 * Here the acceptor is broken the same way — an error fired through the listener and its reads
 * stopped with no resume scheduled — and a new client must still get in.
 */
class AcceptorRecoveryTest {
    @Test
    void aListenerThatStoppedAcceptingAfterAnErrorAcceptsAgain() {
        try (GatewayFixture gw = GatewayFixture.start()) {
            var listener = gw.router().listener();
            listener.eventLoop()
                    .submit(() -> {
                        listener.pipeline().fireExceptionCaught(new OutOfMemoryError("simulated, in the acceptor"));
                        listener.config().setAutoRead(false); // as if the resume could not be scheduled
                    })
                    .syncUninterruptibly();
            // Netty's own resume would be due after 1 s; push past it by switching reads off again
            listener.eventLoop()
                    .schedule(
                            () -> listener.config().setAutoRead(false),
                            1100,
                            java.util.concurrent.TimeUnit.MILLISECONDS)
                    .syncUninterruptibly();
            HttpResponse<String> res = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(20))
                    .build());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(listener.config().isAutoRead()).isTrue();
        }
    }
}
