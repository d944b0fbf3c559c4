package ai.burncloud.service;

import ai.burncloud.database.JournalEntry;
import java.util.List;

/** The requests a router has in flight right now, with their progress, for the in-flight journal. */
@FunctionalInterface
public interface InFlightSource {
    /** Called on the state-sync thread at every flush; {@code nowMs} is the journal point. */
    List<JournalEntry> inFlight(long nowMs);
}
