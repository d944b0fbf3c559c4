package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchModeTest {
    @Test
    void linuxNeedsAnX11OrWaylandDisplay() {
        assertThat(LaunchMode.hasDisplay(Map.of(), "Linux", false)).isFalse();
        assertThat(LaunchMode.hasDisplay(Map.of("DISPLAY", " "), "Linux", false))
                .isFalse();
        assertThat(LaunchMode.hasDisplay(Map.of("DISPLAY", ":0"), "Linux", true))
                .isTrue();
        assertThat(LaunchMode.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", true))
                .isTrue();
    }

    @Test
    void otherSystemsNeedANonHeadlessJvm() {
        assertThat(LaunchMode.hasDisplay(Map.of(), "Windows 11", false)).isTrue();
        assertThat(LaunchMode.hasDisplay(Map.of(), "Mac OS X", false)).isTrue();
        assertThat(LaunchMode.hasDisplay(Map.of(), "Windows 11", true)).isFalse();
    }
}
