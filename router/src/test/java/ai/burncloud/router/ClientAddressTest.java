package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final BurnCloudConfig config = ConfigLoader.fromMap(Map.of("TRUSTED_PROXIES", "10.0.0.5, 192.168.0.0/16"));

    private static HttpHeaders forwarded(String xff, String proto) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (xff != null) {
            h.set("x-forwarded-for", xff);
        }
        if (proto != null) {
            h.set("x-forwarded-proto", proto);
        }
        return h;
    }

    private ClientAddress resolve(String peer, HttpHeaders h) throws Exception {
        return ClientAddress.resolve(InetAddress.getByName(peer), h, config);
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() throws Exception {
        ClientAddress a = resolve("203.0.113.9", forwarded("1.2.3.4", "https"));
        assertThat(a.text()).isEqualTo("203.0.113.9");
        assertThat(a.https()).isFalse();
    }

    @Test
    void aTrustedProxySpeaksForItsClient() throws Exception {
        ClientAddress a = resolve("10.0.0.5", forwarded("198.51.100.7", "https"));
        assertThat(a.text()).isEqualTo("198.51.100.7");
        assertThat(a.https()).isTrue();
    }

    @Test
    void theRightMostUntrustedHopWinsSoAForgedLeftPartIsIgnored() throws Exception {
        // the client forged "6.6.6.6"; its real address was appended by our proxies
        ClientAddress a = resolve("10.0.0.5", forwarded("6.6.6.6, 198.51.100.7, 192.168.3.4", "http"));
        assertThat(a.text()).isEqualTo("198.51.100.7");
        assertThat(a.https()).isFalse();
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() throws Exception {
        assertThat(resolve("10.0.0.5", forwarded("evil.example.com, 198.51.100.7", null))
                        .text())
                .isEqualTo("198.51.100.7");
        assertThat(resolve("10.0.0.5", forwarded(null, null)).text()).isEqualTo("10.0.0.5");
    }
}
