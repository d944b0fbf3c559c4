package ai.burncloud.service;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.Repositories;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runtime options as root manages them. A change is validated as a whole and written in one
 * transaction (which bumps the configuration version, so a running router sees it within a second).
 */
public final class OptionAdmin {
    private final Repositories repos;
    private final BurnCloudConfig config;

    public OptionAdmin(Repositories repos, BurnCloudConfig config) {
        this.repos = repos;
        this.config = config;
    }

    public ConsoleOptions current() {
        return ConsoleOptions.from(repos.options().all(), config);
    }

    /**
     * Sets the options named in {@code changes}.
     *
     * @throws ServiceException INVALID for an unknown name or a bad value (nothing is written)
     */
    public ConsoleOptions update(Map<String, JsonNode> changes) {
        if (changes.isEmpty()) {
            throw ServiceException.invalid("nothing to update: give at least one option");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            OptionKey key = OptionKey.byId(name);
            clean.put(key.id(), key.normalize(value));
        });
        repos.options().putAll(clean);
        return current();
    }
}
