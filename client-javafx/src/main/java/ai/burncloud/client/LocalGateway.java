package ai.burncloud.client;

/** A gateway running in this process, and root's console credential on it. */
public interface LocalGateway extends AutoCloseable {
    /** The address tools should use, e.g. {@code http://127.0.0.1:3000}. */
    String baseUrl();

    /** A console access token of root's, made in-process without a password. */
    String accessToken();

    /** Stops accepting requests, lets those in flight settle, then closes the database. */
    @Override
    void close();
}
