package ai.burncloud.database;

/** A routing fact derived from a channel: the group may reach the model through the channel. */
public record Ability(String group, String model, long channelId, boolean enabled, int priority, int weight) {}
