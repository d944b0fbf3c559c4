package ai.burncloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
    @Test
    void burncloudServerWinsAndATrailingSlashIsDropped() {
        assertThat(ServerAddress.resolve(Map.of("BURNCLOUD_SERVER", "https://gw.example.com/"), () -> {
                    throw new AssertionError("PORT must not be read");
                }))
                .isEqualTo("https://gw.example.com");
    }

    @Test
    void otherwiseThisMachinesPort() {
        assertThat(ServerAddress.resolve(Map.of(), () -> 3000)).isEqualTo("http://localhost:3000");
        assertThat(ServerAddress.resolve(Map.of("BURNCLOUD_SERVER", " "), () -> 8080))
                .isEqualTo("http://localhost:8080");
    }
}
