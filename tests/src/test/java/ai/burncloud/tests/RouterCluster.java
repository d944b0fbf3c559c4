package ai.burncloud.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Several real routers ({@link GatewayProcess}) on one database, started together, called round-robin. */
final class RouterCluster implements AutoCloseable {
    private final List<GatewayProcess> routers;
    private final AtomicInteger next = new AtomicInteger();

    private RouterCluster(List<GatewayProcess> routers) {
        this.routers = routers;
    }

    /** Starts {@code size} routers in parallel, each in a folder of its own, with the same {@code env}. */
    static RouterCluster start(int size, Map<String, String> env) {
        List<CompletableFuture<GatewayProcess>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return GatewayProcess.startIn(
                            Files.createTempDirectory("burncloud-cluster"),
                            new HashMap<>(env),
                            java.time.Duration.ofSeconds(180));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        List<GatewayProcess> routers = new ArrayList<>();
        RuntimeException failed = null;
        for (CompletableFuture<GatewayProcess> f : starting) {
            try {
                routers.add(f.join());
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        if (failed != null) {
            routers.forEach(GatewayProcess::close);
            throw failed;
        }
        return new RouterCluster(routers);
    }

    /** The next router's base URL, round-robin. */
    String nextBaseUrl() {
        return routers.get(Math.floorMod(next.getAndIncrement(), routers.size()))
                .baseUrl();
    }

    List<GatewayProcess> routers() {
        return routers;
    }

    @Override
    public void close() {
        routers.forEach(GatewayProcess::close);
    }
}
