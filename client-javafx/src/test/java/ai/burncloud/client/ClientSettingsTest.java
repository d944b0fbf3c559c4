package ai.burncloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theServerTokenSizeThemeAndLanguageSurviveARestartAndSigningOutForgetsTheToken() {
        ClientSettings s = ClientSettings.load(dir);
        s.signedIn("https://gw.example.com", "bcs-secret");
        s.windowSize(1300.4, 820);
        s.theme(ThemeChoice.DARK);
        s.language("zh-CN");

        ClientSettings again = ClientSettings.load(dir);
        assertThat(again.server()).contains("https://gw.example.com");
        assertThat(again.accessToken()).contains("bcs-secret");
        assertThat(again.width(0)).isEqualTo(1300);
        assertThat(again.height(0)).isEqualTo(820);
        assertThat(again.theme()).isEqualTo(ThemeChoice.DARK);
        assertThat(again.language()).contains("zh-CN");

        again.signedOut();
        assertThat(ClientSettings.load(dir).accessToken()).isEmpty();
        assertThat(ClientSettings.load(dir).server()).contains("https://gw.example.com");
    }

    @Test
    void theConfigDirectoryFollowsEachSystemsConvention() {
        assertThat(ConfigDirectory.resolve(Map.of(), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.config/burncloud"));
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/x/burncloud"));
        assertThat(ConfigDirectory.resolve(
                        Map.of("APPDATA", "C:\\Users\\ann\\AppData\\Roaming"), "Windows 11", "C:\\Users\\ann"))
                .isEqualTo(Path.of("C:\\Users\\ann\\AppData\\Roaming", "BurnCloud"));
        assertThat(ConfigDirectory.resolve(Map.of(), "Mac OS X", "/Users/ann"))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/BurnCloud"));
        assertThat(ConfigDirectory.resolve(Map.of("BURNCLOUD_CONFIG_DIR", "/tmp/bc"), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/tmp/bc"));
    }
}
