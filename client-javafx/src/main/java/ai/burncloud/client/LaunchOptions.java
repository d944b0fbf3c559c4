package ai.burncloud.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code burncloud client} was asked to do.
 *
 * @param server the gateway named with {@code --server}, if any
 * @param localUrl where a gateway on this machine answers (http://127.0.0.1:PORT)
 * @param starter starts one in-process when nothing answers at {@code localUrl}
 * @param env the environment (BURNCLOUD_ACCESS_TOKEN, the desktop's theme)
 * @param configDir where the client remembers the server, the access token and the window size
 */
public record LaunchOptions(
        Optional<String> server, String localUrl, GatewayStarter starter, Map<String, String> env, Path configDir) {
    public static final String TOKEN_VARIABLE = "BURNCLOUD_ACCESS_TOKEN";

    public LaunchOptions {
        server = server.map(ServerAddress::normalize);
        localUrl = ServerAddress.normalize(localUrl);
        env = Map.copyOf(env);
    }

    /** The access token from the environment (wallboards skip the sign-in form). */
    public Optional<String> environmentToken() {
        return Optional.ofNullable(env.get(TOKEN_VARIABLE)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
