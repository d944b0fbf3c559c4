package ai.burncloud.router;

/**
 * What an admission took besides the money on the local ledger — tokens in a tokens-per-minute
 * window, a hold in the database — and how to set it right when the request ends. The
 * Settler calls exactly one of the two methods, once.
 */
interface AdmissionTicket {
    /** Nothing to set right. */
    AdmissionTicket NONE = new AdmissionTicket() {
        @Override
        public void settled(long cost, long tokensUsed) {}

        @Override
        public void abandoned() {}
    };

    /** The request settled and its log row is queued: it cost {@code cost} and used {@code tokensUsed}. */
    void settled(long cost, long tokensUsed);

    /** The request ends without a log row (its settlement failed): give everything back. */
    void abandoned();
}
