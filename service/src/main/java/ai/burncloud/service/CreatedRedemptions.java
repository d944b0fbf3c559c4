package ai.burncloud.service;

import java.util.List;

/** A batch of redemption codes just created: their ids and full codes, which exist only here. */
public record CreatedRedemptions(String name, long amount, List<Long> ids, List<String> codes) {
    @Override
    public String toString() {
        return "CreatedRedemptions[name=" + name + ", count=" + ids.size() + "]";
    }
}
