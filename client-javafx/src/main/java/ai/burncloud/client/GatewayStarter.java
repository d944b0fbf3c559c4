package ai.burncloud.client;

/**
 * Starts a gateway inside this process when nothing answers at the local address. Implemented by the
 * CLI (which can assemble the whole gateway); this module only knows the interface, because the CLI
 * depends on it and not the other way round.
 */
@FunctionalInterface
public interface GatewayStarter {
    /**
     * Starts the gateway with the same database default and configuration rules as {@code burncloud
     * router}. Blocking; called on a background thread.
     *
     * @throws Exception when the gateway cannot start (port taken, bad configuration)
     */
    LocalGateway start() throws Exception;
}
