package ai.burncloud.cli;

/** The desktop client cannot start here (no display). */
final class ClientUnavailableException extends RuntimeException {
    ClientUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
