package ai.burncloud.cli;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.Database;
import ai.burncloud.database.KeyCipher;
import ai.burncloud.database.Repositories;
import ai.burncloud.router.RouterServer;
import ai.burncloud.server.ControlPlane;
import java.util.concurrent.CountDownLatch;

/**
 * The running gateway: the database (migrated on open), the data plane and the control plane, all on
 * one port. {@link #close()} is the graceful shutdown SIGTERM triggers.
 */
public final class BurnCloudApp implements AutoCloseable {
    private final Database database;
    private final Repositories repositories;
    private final ControlPlane controlPlane;
    private final RouterServer router;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BurnCloudApp(Database database, Repositories repositories, ControlPlane controlPlane, RouterServer router) {
        this.database = database;
        this.repositories = repositories;
        this.controlPlane = controlPlane;
        this.router = router;
    }

    /** Opens the database (migrating it) and starts listening on {@code HOST:PORT}. */
    public static BurnCloudApp start(BurnCloudConfig config) throws InterruptedException {
        Database db = Database.open(config.databaseUrl());
        ControlPlane controlPlane = null;
        try {
            Repositories repos = Repositories.over(db, KeyCipher.from(config));
            UpstreamKeysAtStart.prepare(repos.channelKeys());
            controlPlane = ControlPlane.start(config, repos);
            RouterServer router = RouterServer.start(config, repos, controlPlane.port(), controlPlane.relaySecret());
            controlPlane.attach(router);
            return new BurnCloudApp(db, repos, controlPlane, router);
        } catch (InterruptedException | RuntimeException e) {
            if (controlPlane != null) {
                controlPlane.close();
            }
            db.close();
            throw e;
        }
    }

    public int port() {
        return router.port();
    }

    public RouterServer router() {
        return router;
    }

    public Repositories repositories() {
        return repositories;
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        try {
            router.close();
            controlPlane.close();
        } finally {
            database.close();
            stopped.countDown();
        }
    }
}
