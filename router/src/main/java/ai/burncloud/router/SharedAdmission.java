package ai.burncloud.router;

import java.util.concurrent.CompletableFuture;

/**
 * Admission shared by every router of one deployment — the database while more than one router is
 * alive — so that together they admit exactly what one router would (docs/SCALING.md). Keys and
 * users without finite limits never come here.
 */
interface SharedAdmission {
    /** Why a shared hold was refused; {@code UNAVAILABLE} when the shared store could not be asked. */
    enum Verdict {
        ADMITTED,
        REQUESTS_PER_MINUTE,
        TOKENS_PER_MINUTE,
        TOKEN_QUOTA,
        USER_BALANCE,
        UNAVAILABLE
    }

    /** One request to admit: the key's rate limits as the snapshot has them, and what to hold. */
    record Hold(String requestId, long tokenId, long userId, int rpm, int tpm, long amount, long tokens) {}

    /** Whether admission goes through the shared store now (false: this router alone decides). */
    boolean active();

    /**
     * Takes the hold atomically, never blocking the caller; the future completes on another thread
     * with the verdict and, when admitted, the ticket that settles it.
     */
    CompletableFuture<Granted> hold(Hold hold);

    /** The outcome of {@link #hold}: a verdict, and a ticket when admitted. */
    record Granted(Verdict verdict, AdmissionTicket ticket, long retryAfterSeconds) {
        static Granted refused(Verdict v, long retryAfterSeconds) {
            return new Granted(v, null, retryAfterSeconds);
        }
    }

    /** No shared admission: one router, or SQLite. */
    SharedAdmission NONE = new SharedAdmission() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public CompletableFuture<Granted> hold(Hold hold) {
            throw new IllegalStateException("no shared admission");
        }
    };
}
