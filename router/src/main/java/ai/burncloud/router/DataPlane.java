package ai.burncloud.router;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.router.provider.Providers;
import ai.burncloud.router.translate.Translators;
import ai.burncloud.service.TokenCounter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The shared, long-lived parts every request handler needs, handed to the pipeline explicitly (no
 * static state). Built once by {@link RouterServer}.
 *
 * @param snapshot the current routing snapshot (an atomic reference's getter)
 * @param channelDisabler called with (channel id, reason) when an upstream rejects a channel's key;
 *     must not block (it queues the database write)
 * @param keyLookup finds keys created since the snapshot was built (off the event loop)
 */
record DataPlane(
        BurnCloudConfig config,
        Supplier<RoutingSnapshot> snapshot,
        Gatekeeper gatekeeper,
        UpstreamSelector selector,
        CircuitBreakers breakers,
        Translators translators,
        Providers providers,
        UpstreamConnector connector,
        Settler settler,
        TokenCounter tokenCounter,
        BiConsumer<Long, String> channelDisabler,
        AtomicInteger inFlight,
        ControlPlaneForwarder controlPlane,
        String databaseKind,
        UpstreamRequests requests,
        KeyLookup keyLookup) {}
