package ai.burncloud.router;

/** A request whose response is still being written: it hears when the client leaves or can take more. */
interface ClientExchange {
    void clientClosed();

    void clientWritable();
}
