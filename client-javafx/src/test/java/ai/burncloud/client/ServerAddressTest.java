package ai.burncloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
    @Test
    void burncloudServerIsUsedWithoutItsTrailingSlash() {
        assertThat(ServerAddress.configured(Map.of("BURNCLOUD_SERVER", "https://gw.example.com/")))
                .contains("https://gw.example.com");
        assertThat(ServerAddress.configured(Map.of("BURNCLOUD_SERVER", " "))).isEmpty();
        assertThat(ServerAddress.configured(Map.of())).isEmpty();
    }

    @Test
    void aTypedHostGetsHttpAndTheLocalGatewayIsLoopback() {
        assertThat(ServerAddress.normalize(" gw.example.com:8080 ")).isEqualTo("http://gw.example.com:8080");
        assertThat(ServerAddress.local(3000)).isEqualTo("http://127.0.0.1:3000");
    }
}
