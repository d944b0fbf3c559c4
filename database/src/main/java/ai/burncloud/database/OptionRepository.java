package ai.burncloud.database;

import java.util.Map;
import java.util.Optional;

/** Named runtime options (registration, bonuses, ...) as text. */
public interface OptionRepository {
    Optional<String> get(String name);

    Map<String, String> all();

    void putAll(Map<String, String> values);
}
