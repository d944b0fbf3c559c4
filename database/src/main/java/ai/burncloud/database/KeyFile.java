package ai.burncloud.database;

import ai.burncloud.common.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master keys kept in a file readable by its owner only (0600), one base64 key per line, the first
 * being current; generated the first time a key is needed. A rotation first writes the next key in
 * front of the old ones, re-encrypts every row, then drops the old ones: at every moment the file
 * holds every key a stored value may need, so a crash in between loses nothing.
 */
public final class KeyFile implements KeySource {
    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

    private final Path path;

    public KeyFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    @Override
    public Optional<MasterKey> current() {
        List<MasterKey> keys = read();
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    @Override
    public synchronized MasterKey create() {
        Optional<MasterKey> existing = current();
        if (existing.isPresent()) {
            return existing.get();
        }
        MasterKey key = MasterKey.generate(path.toString());
        try {
            write(List.of(key), false);
        } catch (FileAlreadyExistsException raced) {
            return current().orElseThrow();
        }
        log.info(
                "generated the key that encrypts upstream keys at rest: {} (key id {}); back it up apart from"
                        + " the database, or set BURNCLOUD_SECRET_KEY instead",
                path,
                key.id());
        return key;
    }

    @Override
    public List<MasterKey> all() {
        return read();
    }

    @Override
    public synchronized Runnable stage(MasterKey next) {
        List<MasterKey> keys = new ArrayList<>();
        keys.add(next);
        keys.addAll(read());
        replace(keys);
        return () -> replace(List.of(next));
    }

    @Override
    public String describe() {
        return "the key file " + path;
    }

    private List<MasterKey> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            List<MasterKey> keys = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    keys.add(MasterKey.parse(line, path.toString()));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new ConfigException("cannot read the key file " + path + ": " + e.getMessage(), e);
        }
    }

    private void replace(List<MasterKey> keys) {
        try {
            write(keys, true);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes through a temporary file made owner-only before the key is in it, then moves it into place. */
    private void write(List<MasterKey> keys, boolean replace) throws FileAlreadyExistsException {
        StringBuilder text = new StringBuilder();
        keys.forEach(k -> text.append(k.encoded()).append('\n'));
        try {
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), path.getFileName() + ".", ".tmp");
            try {
                ownerOnly(tmp);
                Files.writeString(tmp, text, StandardCharsets.US_ASCII);
                if (replace) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    // fails when the name exists: of two processes generating at once, the first key stays
                    Files.move(tmp, path);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new ConfigException("cannot write the key file " + path + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's ACL; docs/OPERATIONS.md says to keep it private
        }
    }
}
