package ai.burncloud.router;

import ai.burncloud.common.DatabaseUrl;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL for configuration changes ({@code LISTEN burncloud_config_<schema>}, sent by
 * the transaction that bumps the version) and hands each payload (the change it names) to the
 * state-sync thread, which patches the snapshot with it. The reactive client's {@link PgSubscriber} holds one connection on a
 * Vert.x event loop of its own and reconnects when it drops; after every (re)subscription the state
 * thread catches up on whatever was missed meanwhile. Polling stays on as the fallback, so a lost
 * connection only makes changes as slow as SNAPSHOT_REFRESH_MS.
 */
final class ConfigPushListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigPushListener.class);
    private static final long RECONNECT_MS = 1_000;

    private final Vertx vertx;
    private final PgSubscriber subscriber;
    private final java.util.function.Consumer<String> onChange;
    private volatile boolean closed;
    private volatile boolean warned;

    private ConfigPushListener(Vertx vertx, PgSubscriber subscriber, java.util.function.Consumer<String> onChange) {
        this.vertx = vertx;
        this.subscriber = subscriber;
        this.onChange = onChange;
    }

    /**
     * Starts listening on {@code channel} of the database at {@code url}; returns at once (the first
     * connection is made in the background, and retried until it succeeds).
     */
    static ConfigPushListener start(DatabaseUrl url, String channel, java.util.function.Consumer<String> onChange) {
        // one event loop is plenty for one connection that only ever receives short notifications
        Vertx vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, connectOptions(url));
        ConfigPushListener listener = new ConfigPushListener(vertx, subscriber, onChange);
        subscriber.reconnectPolicy(retries -> listener.closed ? -1L : RECONNECT_MS);
        subscriber
                .channel(channel)
                .subscribeHandler(v -> listener.subscribed(channel))
                .handler(listener::notified);
        listener.connect();
        return listener;
    }

    private void connect() {
        if (closed) {
            return;
        }
        subscriber.connect().onFailure(e -> {
            if (!warned) {
                warned = true;
                log.warn(
                        "cannot listen for configuration changes ({}); polling only until it can, retrying",
                        e.getMessage());
            }
            if (!closed) {
                vertx.setTimer(RECONNECT_MS, t -> connect());
            }
        });
    }

    private void subscribed(String channel) {
        if (warned) {
            log.info("listening for configuration changes again on {}", channel);
        } else {
            log.debug("listening for configuration changes on {}", channel);
        }
        warned = false;
        // changes committed while we were not listening: unknown, so caught up the polling way
        onChange.accept(null);
    }

    private void notified(String payload) {
        log.debug("configuration change {}", payload);
        onChange.accept(payload);
    }

    /** The reactive client's options for the JDBC URL's host, port, database, credentials and sslmode. */
    static PgConnectOptions connectOptions(DatabaseUrl url) {
        URI uri = URI.create(url.jdbcUrl().substring("jdbc:".length()));
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() < 0 ? 5432 : uri.getPort())
                .setDatabase(uri.getPath().replaceFirst("^/", ""));
        if (url.user() != null) {
            options.setUser(url.user());
        }
        if (url.password() != null) {
            options.setPassword(url.password());
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String param : query.split("&")) {
                if (param.startsWith("sslmode=")) {
                    options.setSslMode(SslMode.of(param.substring("sslmode=".length())));
                }
            }
        }
        return options;
    }

    @Override
    public void close() {
        closed = true;
        try {
            subscriber.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("closing the configuration listener: {}", e.getMessage());
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("closing the configuration listener's event loop: {}", e.getMessage());
        }
    }
}
