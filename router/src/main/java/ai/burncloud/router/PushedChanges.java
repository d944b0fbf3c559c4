package ai.burncloud.router;

import ai.burncloud.database.ConfigChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The configuration changes notifications named and the state thread has not applied yet: filled by
 * the listener's event loop (never blocking), drained by the state thread.
 */
final class PushedChanges {
    private final Queue<ConfigChange> named = new ConcurrentLinkedQueue<>();
    private volatile boolean unknown;

    /** A notification's payload; null (or one this version cannot read) means "something changed". */
    void offer(String payload) {
        Optional<ConfigChange> change = payload == null ? Optional.empty() : ConfigChange.parse(payload);
        change.ifPresentOrElse(named::add, () -> unknown = true);
    }

    /**
     * Takes everything offered. Returns the changes after {@code held} when they are exactly the
     * versions that follow it, in order — they can then be applied as they are; empty when the
     * changes must be read from the database instead (a gap, a change not understood, nothing new).
     */
    Optional<List<ConfigChange>> drainFollowing(long held) {
        List<ConfigChange> changes = new ArrayList<>();
        for (ConfigChange c; (c = named.poll()) != null; ) {
            if (c.version() > held) {
                changes.add(c);
            }
        }
        boolean wasUnknown = unknown;
        unknown = false;
        if (wasUnknown || changes.isEmpty() || held == Long.MIN_VALUE) {
            return Optional.empty();
        }
        changes.sort(Comparator.comparingLong(ConfigChange::version));
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).version() != held + 1 + i) {
                return Optional.empty();
            }
        }
        return Optional.of(changes);
    }
}
