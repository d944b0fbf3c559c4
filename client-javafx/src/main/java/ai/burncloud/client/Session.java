package ai.burncloud.client;

import java.util.Optional;

/**
 * Who we are signed in as, where. {@code local} is present when the gateway runs inside this
 * process (its address is what tools should use).
 */
record Session(ApiClient api, String username, Optional<LocalGateway> local) {
    boolean inProcess() {
        return local.isPresent();
    }
}
