package ai.burncloud.cli;

import ai.burncloud.database.ChannelKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At router start: every stored upstream key must decrypt (else the start fails naming the key it
 * needs), keys stored in plain text by an older version are encrypted, and a log line says where the
 * master key is.
 */
final class UpstreamKeysAtStart {
    private static final Logger log = LoggerFactory.getLogger(UpstreamKeysAtStart.class);

    private UpstreamKeysAtStart() {}

    static void prepare(ChannelKeys keys) {
        ChannelKeys.Outcome outcome = keys.prepare();
        if (outcome.encrypted() > 0) {
            log.info("encrypted {} upstream keys that were stored in plain text", outcome.encrypted());
        }
        outcome.key()
                .ifPresentOrElse(
                        k -> log.info("upstream keys are encrypted at rest with key {} from {}", k.id(), k.source()),
                        () -> log.info(
                                "no upstream key stored yet: {} will be created when the first channel is added",
                                keys.source().describe()));
    }
}
