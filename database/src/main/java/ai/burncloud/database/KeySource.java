package ai.burncloud.database;

import java.util.List;
import java.util.Optional;

/**
 * Where the master key comes from: {@code BURNCLOUD_SECRET_KEY} ({@link #fixed}) or a key file
 * ({@link KeyFile}). Keys are read afresh on every call, so a rotation made by another process (the
 * CLI) is seen by a running router.
 */
public interface KeySource {
    /** The key new values are encrypted with, if there is one yet. */
    Optional<MasterKey> current();

    /** Creates the key (a key file is generated with owner-only permissions); only when there is none. */
    MasterKey create();

    /** Every key values may be decrypted with: the current one first, then older ones a rotation still needs. */
    List<MasterKey> all();

    /**
     * Makes {@code next} the current key while keeping the old ones readable; the returned step forgets
     * the old ones, once no row needs them.
     */
    Runnable stage(MasterKey next);

    /** Where keys come from, for log lines and errors. */
    String describe();

    /** The key given in {@code BURNCLOUD_SECRET_KEY}: it never changes while the process runs. */
    static KeySource fixed(MasterKey key) {
        return new KeySource() {
            // a rotation in this process (burncloud secrets rotate) moves on to the next key
            private volatile List<MasterKey> keys = List.of(key);

            @Override
            public Optional<MasterKey> current() {
                return Optional.of(keys.get(0));
            }

            @Override
            public MasterKey create() {
                return keys.get(0);
            }

            @Override
            public List<MasterKey> all() {
                return keys;
            }

            @Override
            public Runnable stage(MasterKey next) {
                keys = List.of(next, key);
                return () -> keys = List.of(next);
            }

            @Override
            public String describe() {
                return key.source();
            }
        };
    }
}
