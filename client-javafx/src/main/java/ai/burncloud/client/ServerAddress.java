package ai.burncloud.client;

import java.util.Map;
import java.util.function.IntSupplier;

/** Which server the desktop client talks to: BURNCLOUD_SERVER, else this machine's PORT. */
public final class ServerAddress {
    public static final String VARIABLE = "BURNCLOUD_SERVER";

    private ServerAddress() {}

    /**
     * @param port asked only when BURNCLOUD_SERVER is not set
     */
    public static String resolve(Map<String, String> env, IntSupplier port) {
        String configured = env.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            String s = configured.strip();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
        return "http://localhost:" + port.getAsInt();
    }
}
