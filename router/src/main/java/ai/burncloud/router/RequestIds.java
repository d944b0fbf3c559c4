package ai.burncloud.router;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids for x-request-id: "req_" + 24 hex digits; unique enough to find one line in the logs. */
final class RequestIds {
    private RequestIds() {}

    static String next() {
        long random = ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL;
        String millis = Long.toHexString(System.currentTimeMillis());
        // by hand, not String.format("%012x"): a Formatter per request was a visible share of the
        // event loop's allocation (AllocationBudgetTest)
        char[] id = new char[4 + millis.length() + 12];
        "req_".getChars(0, 4, id, 0);
        millis.getChars(0, millis.length(), id, 4);
        for (int i = id.length - 1, shift = 0; shift < 48; i--, shift += 4) {
            id[i] = HEX[(int) (random >>> shift) & 0xF];
        }
        return new String(id);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
