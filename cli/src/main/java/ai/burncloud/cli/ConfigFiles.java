package ai.burncloud.cli;

import ai.burncloud.service.AuditTrail;
import ai.burncloud.service.ConfigTransfer;
import ai.burncloud.service.ServiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the config commands share: reading the file and the transfer over one database. */
final class ConfigFiles {
    private static final long MAX_BYTES = 1024 * 1024;

    private ConfigFiles() {}

    /** The file's text; a missing, unreadable or oversized file is an input error (exit 2). */
    static String read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw ServiceException.invalid("no configuration file at " + file.toAbsolutePath());
            }
            if (Files.size(file) > MAX_BYTES) {
                throw ServiceException.invalid(file + " is larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw ServiceException.invalid(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw ServiceException.invalid("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Key references resolve from the same place as every setting: flags, the environment, then .env. */
    static ConfigTransfer transfer(CliContext ctx, Services s) {
        return new ConfigTransfer(s.repos(), ctx.config(), s.audit(), ctx.settings()::get);
    }

    static ConfigTransfer.Importer cli() {
        return new ConfigTransfer.Importer(AuditTrail.cliActor(), "cli", true);
    }
}
