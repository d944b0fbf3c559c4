package ai.burncloud.router.codec;

/** An upstream sent a single event larger than the limit: the stream is treated as broken. */
public final class SseFrameTooLongException extends RuntimeException {
    public SseFrameTooLongException(int limit) {
        super("upstream event exceeds " + limit + " bytes", null, false, false);
    }
}
