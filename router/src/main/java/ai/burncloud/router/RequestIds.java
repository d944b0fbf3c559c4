package ai.burncloud.router;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids for x-request-id: "req_" + 24 hex digits; unique enough to find one line in the logs. */
final class RequestIds {
    private RequestIds() {}

    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "req_" + Long.toHexString(System.currentTimeMillis())
                + String.format("%012x", r.nextLong() & 0xFFFFFFFFFFFFL);
    }
}
