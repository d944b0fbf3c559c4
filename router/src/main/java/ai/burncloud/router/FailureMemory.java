package ai.burncloud.router;

/**
 * The failure a client hears if no attempt succeeds. A failure that reached an upstream is not
 * replaced by one that did not (a later channel unable to take the request does not hide an earlier
 * upstream's own answer). Releases the bodies of the failures it drops.
 */
final class FailureMemory {
    private AttemptFailure last;

    void keep(AttemptFailure f) {
        if (last == null || f.reachedUpstream() || !last.reachedUpstream()) {
            release(last);
            last = f;
        } else {
            release(f);
        }
    }

    /** The failure kept (now the caller's), or null. */
    AttemptFailure take() {
        AttemptFailure f = last;
        last = null;
        return f;
    }

    void clear() {
        release(take());
    }

    static void release(AttemptFailure f) {
        if (f != null && f.body() != null && f.body().refCnt() > 0) {
            f.body().release();
        }
    }
}
