package ai.burncloud.server;

import ai.burncloud.service.Secrets;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The control plane listens on loopback, but so does every other local process: {@code
 * X-Forwarded-For} and {@code -Proto} are believed only from the data plane's relay, which proves
 * itself with a per-process secret in {@value #HEADER} (made at start, never stored or logged). From
 * anyone else they are dropped, so the caller is the socket's own address: a local process cannot
 * claim a fresh address per login attempt and slip past the login throttle.
 */
final class RelayTrust implements Handler<RoutingContext> {
    static final String HEADER = "x-burncloud-relay";

    private final String secret;

    private RelayTrust(String secret) {
        this.secret = secret;
    }

    static RelayTrust withFreshSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new RelayTrust(HexFormat.of().formatHex(bytes));
    }

    String secret() {
        return secret;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap h = ctx.request().headers();
        String proof = h.get(HEADER);
        h.remove(HEADER);
        if (proof == null || !Secrets.equal(proof, secret)) {
            h.remove("x-forwarded-for");
            h.remove("x-forwarded-proto");
        }
        ctx.next();
    }
}
