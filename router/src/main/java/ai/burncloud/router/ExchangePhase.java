package ai.burncloud.router;

/** Where a {@link ProxyExchange} stands; every event it receives is read against it. */
enum ExchangePhase {
    /** Choosing a channel and translating the request for it. */
    SELECTING,
    /** An attempt is connecting, sending, or waiting for the upstream's head. */
    AWAITING_HEAD,
    /** A 2xx answer is being relayed to the client. */
    RELAYING,
    /** The client left during a 2xx answer: reading on (bounded) to learn the real usage. */
    DRAINING,
    /** An error answer is being read, to relay it or to fail over. */
    READING_ERROR,
    /** Settled; nothing more happens. */
    DONE
}
