package ai.burncloud.router.codec;

/** An event-stream message failed its CRC or length checks: nothing after it can be trusted. */
public final class EventStreamCorruptedException extends RuntimeException {
    public EventStreamCorruptedException(String message) {
        super(message, null, false, false);
    }
}
