package ai.burncloud.router;

/**
 * The back-pressure rule between an upstream connection that reads only when asked and the client
 * it feeds: after each read, flush to the client and read again only if the client can take more
 * (or is gone and nothing needs to wait for it); otherwise wait for the client to drain.
 */
final class ReadPacer {
    private boolean readPending;

    /** The upstream finished a read: flush, then read on or wait for the client. */
    void afterRead(ClientStream client, UpstreamAttempt upstream) {
        client.flush();
        if (upstream == null) {
            return;
        }
        if (client.gone() || client.writable()) {
            upstream.read();
        } else {
            readPending = true;
        }
    }

    /** The client can take more (or left): resume a read that was waiting for it. */
    void resume(UpstreamAttempt upstream) {
        if (readPending && upstream != null) {
            readPending = false;
            upstream.read();
        }
    }
}
