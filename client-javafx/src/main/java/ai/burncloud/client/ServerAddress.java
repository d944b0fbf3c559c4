package ai.burncloud.client;

import java.util.Map;
import java.util.Optional;

/** Which server the desktop client talks to: --server, else BURNCLOUD_SERVER, else this machine's PORT. */
public final class ServerAddress {
    public static final String VARIABLE = "BURNCLOUD_SERVER";

    private ServerAddress() {}

    /** BURNCLOUD_SERVER when set. */
    public static Optional<String> configured(Map<String, String> env) {
        String configured = env.get(VARIABLE);
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(normalize(configured));
    }

    /** The gateway on this machine. Loopback, whatever HOST it binds: that is where it answers. */
    public static String local(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Trimmed, without trailing slashes, {@code http://} added when no scheme was typed. */
    public static String normalize(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.isEmpty() && !s.contains("://")) {
            s = "http://" + s;
        }
        return s;
    }
}
