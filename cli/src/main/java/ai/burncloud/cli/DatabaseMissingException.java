package ai.burncloud.cli;

import java.nio.file.Path;

/** An admin command pointed at a SQLite file that does not exist (admin commands never create one). */
final class DatabaseMissingException extends RuntimeException {
    DatabaseMissingException(Path file) {
        super("no database at " + file
                + " (admin commands never create one): run them where 'burncloud router' runs,"
                + " or point at its database with --database sqlite:/path/to/burncloud.db, DATABASE_URL or .env");
    }
}
