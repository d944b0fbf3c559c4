package ai.burncloud.service;

import ai.burncloud.database.RequestLog;

/** Told about every settled request (monitoring, metrics). Called on an event loop: must not block. */
@FunctionalInterface
public interface RequestListener {
    void onSettled(RequestLog row);
}
