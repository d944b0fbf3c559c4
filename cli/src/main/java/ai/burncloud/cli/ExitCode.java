package ai.burncloud.cli;

/** The documented exit codes. */
final class ExitCode {
    static final int OK = 0;
    /** The operation failed: not found, conflict, unexpected database error. */
    static final int FAILED = 1;
    /** Usage or configuration error: bad flags or values, bad configuration, database unreachable. */
    static final int USAGE = 2;

    private ExitCode() {}
}
