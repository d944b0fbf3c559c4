package ai.burncloud.database;

import java.util.List;

/**
 * The journal's part of a usage batch: the requests {@code instanceId} has in flight now. They replace
 * every row that instance journaled before, in the batch's transaction.
 */
public record JournalUpdate(String instanceId, List<JournalEntry> inFlight) {}
