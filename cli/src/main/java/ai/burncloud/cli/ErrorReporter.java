package ai.burncloud.cli;

import ai.burncloud.common.ConfigException;
import ai.burncloud.database.DataAccessException;
import ai.burncloud.database.DatabaseUnavailableException;
import ai.burncloud.service.ServiceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;

/**
 * Turns a failure into exactly one line on stderr and an exit code; the stack trace follows only
 * with {@code --verbose}.
 */
final class ErrorReporter {
    static final String PREFIX = "burncloud: error: ";

    private final PrintWriter err;
    private final boolean verbose;

    ErrorReporter(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    int usage(String message) {
        line(message);
        return ExitCode.USAGE;
    }

    int report(Throwable e) {
        int code = exitCode(e);
        line(message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof ServiceException s) {
            return s.kind() == ServiceException.Kind.INVALID ? ExitCode.USAGE : ExitCode.FAILED;
        }
        if (e instanceof ConfigException
                || e instanceof DatabaseUnavailableException
                || e instanceof ClientUnavailableException
                || isBindFailure(e)) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILED;
    }

    private static String message(Throwable e) {
        if (e instanceof ServiceException
                || e instanceof DatabaseMissingException
                || e instanceof ConfigException
                || e instanceof DatabaseUnavailableException
                || e instanceof ClientUnavailableException) {
            return e.getMessage();
        }
        if (isBindFailure(e)) {
            return "cannot listen: " + e.getCause().getMessage() + " (choose another PORT or HOST)";
        }
        if (e instanceof DataAccessException) {
            return "database error: " + e.getMessage();
        }
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        return "unexpected " + e.getClass().getSimpleName() + detail + " (run with --verbose for details)";
    }

    private static boolean isBindFailure(Throwable e) {
        return e instanceof UncheckedIOException && e.getCause() instanceof BindException;
    }

    private void line(String message) {
        String text = message == null ? "" : message;
        String first = text.lines().findFirst().orElse("").strip();
        err.println(PREFIX + first);
        err.flush();
    }
}
