package ai.burncloud.service;

import ai.burncloud.database.Channel;

/** A speed test's result and the channel afterwards (its status may have changed because of it). */
public record ChannelTestOutcome(String model, ChannelTestResult result, Channel channel) {}
