package ai.burncloud.router;

/**
 * A request parked while something is asked off the event loop — {@link KeyLookup} looking its key
 * up, or a {@link SharedAdmission} hold: remembers whether the client left in
 * the meantime, and once the request goes on, passes the client's events to the exchange it became.
 * Event loop only.
 */
final class AwaitingKey implements ClientExchange {
    private boolean clientGone;
    private ClientExchange next;

    @Override
    public void clientClosed() {
        if (next != null) {
            next.clientClosed();
        } else {
            clientGone = true;
        }
    }

    @Override
    public void clientWritable() {
        if (next != null) {
            next.clientWritable();
        }
    }

    boolean clientGone() {
        return clientGone;
    }

    /** The request went on as {@code exchange} (null when it was answered at once). */
    void continuedAs(ClientExchange exchange) {
        this.next = exchange;
    }
}
