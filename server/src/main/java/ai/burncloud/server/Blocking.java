package ai.burncloud.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Runs database work and bcrypt on Vert.x worker threads (never on an event loop) and answers on the
 * event loop: the result goes to {@code then}, a failure to the error shape.
 *
 * <p>After the work of a writing request (POST, PUT, PATCH, DELETE) succeeds, {@code afterWrite}
 * runs on the same worker before the answer leaves: the data plane in this process then already
 * serves what was written (a key created here works on the very next request).
 */
final class Blocking {
    private final Vertx vertx;
    private final Runnable afterWrite;

    Blocking(Vertx vertx, Runnable afterWrite) {
        this.vertx = vertx;
        this.afterWrite = afterWrite;
    }

    <T> void run(RoutingContext ctx, Callable<T> work, BiConsumer<RoutingContext, T> then) {
        Callable<T> task = writes(ctx.request().method())
                ? () -> {
                    T result = work.call();
                    afterWrite.run();
                    return result;
                }
                : work;
        runAsIs(ctx, task, then);
    }

    /** Runs {@code work} and answers 200 with its result as JSON. */
    <T> void json(RoutingContext ctx, Callable<T> work) {
        run(ctx, work, Replies::ok);
    }

    /** As {@link #run}, never followed by {@code afterWrite}: for work that only reads (the caller's session). */
    <T> void read(RoutingContext ctx, Callable<T> work, BiConsumer<RoutingContext, T> then) {
        runAsIs(ctx, work, then);
    }

    private <T> void runAsIs(RoutingContext ctx, Callable<T> work, BiConsumer<RoutingContext, T> then) {
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

    private static boolean writes(HttpMethod method) {
        return method == HttpMethod.POST
                || method == HttpMethod.PUT
                || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }

    Vertx vertx() {
        return vertx;
    }
}
