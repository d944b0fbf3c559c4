package ai.burncloud.router;

/**
 * Whether a failed attempt moves the request on to another channel: a value, decided from the
 * failure alone, so the whole policy reads (and is tested) as a table (docs/ROUTING.md).
 *
 * <ul>
 *   <li>Nothing is retried once a byte has reached the client, or once the client has left.
 *   <li>Connection failures, timeouts, errors inside a 2xx answer, and HTTP 429, 5xx, 401 and 403 move
 *       on while fewer than {@code 1 + retryTimes} upstream calls were made.
 *   <li>A channel that cannot take the request at all (no translator, or the translator refused it)
 *       costs no upstream call: the request moves on to a channel that can, whatever the budget.
 *   <li>Every other HTTP answer (400, 404, 422, …) is the client's business: answered at once.
 * </ul>
 */
record RetryRule(int retryTimes) {
    enum Decision {
        /** Try the next channel. */
        NEXT_CHANNEL,
        /** Answer the client with this failure now. */
        ANSWER
    }

    /**
     * @param upstreamCalls attempts of this request that reached an upstream, this one included
     * @param clientHeardAnything whether any byte of the response reached the client, or it left
     */
    Decision decide(AttemptFailure failure, int upstreamCalls, boolean clientHeardAnything) {
        if (clientHeardAnything) {
            return Decision.ANSWER;
        }
        if (!failure.reachedUpstream()) {
            return Decision.NEXT_CHANNEL;
        }
        if (!retryable(failure)) {
            return Decision.ANSWER;
        }
        return upstreamCalls <= retryTimes ? Decision.NEXT_CHANNEL : Decision.ANSWER;
    }

    /** Whether a request that failed this way may succeed elsewhere. */
    static boolean retryable(AttemptFailure failure) {
        return switch (failure.kind()) {
            case CONNECT, TIMEOUT, FAULT, UNSUPPORTED, REFUSED -> true;
            case HTTP -> {
                int s = failure.status();
                yield s == 429 || s >= 500 || s == 401 || s == 403;
            }
        };
    }
}
