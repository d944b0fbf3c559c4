package ai.burncloud.server;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Runs database work and bcrypt on Vert.x worker threads (never on an event loop) and answers on the
 * event loop: the result goes to {@code then}, a failure to the error shape.
 */
final class Blocking {
    private final Vertx vertx;

    Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    <T> void run(RoutingContext ctx, Callable<T> work, BiConsumer<RoutingContext, T> then) {
        vertx.<T>executeBlocking(work, false).onComplete(ar -> {
            if (ar.failed()) {
                Replies.failure(ctx, ar.cause());
                return;
            }
            try {
                then.accept(ctx, ar.result());
            } catch (RuntimeException e) {
                Replies.failure(ctx, e);
            }
        });
    }

    /** Runs {@code work} and answers 200 with its result as JSON. */
    <T> void json(RoutingContext ctx, Callable<T> work) {
        run(ctx, work, Replies::ok);
    }

    Vertx vertx() {
        return vertx;
    }
}
