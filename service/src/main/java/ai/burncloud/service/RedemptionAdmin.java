package ai.burncloud.service;

import ai.burncloud.database.Page;
import ai.burncloud.database.Redemption;
import ai.burncloud.database.Repositories;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Redemption codes: administrators create batches worth an amount each; a user redeems a code into
 * their balance once. Codes are random (192 bits), shown once and stored as SHA-256 and a prefix.
 */
public final class RedemptionAdmin {
    public static final String PREFIX = "bcr-";
    public static final int MAX_BATCH = 1000;

    private final Repositories repos;

    public RedemptionAdmin(Repositories repos) {
        this.repos = repos;
    }

    /**
     * Creates {@code count} codes worth {@code amount} dollars each.
     *
     * @throws ServiceException INVALID for a bad name, an amount that is not positive or a count
     *     outside 1..{@value #MAX_BATCH}
     */
    public CreatedRedemptions create(String name, String amount, int count, Long createdBy) {
        String n = Inputs.name("name", name);
        long nanos = Inputs.dollars("amount", amount);
        if (nanos == 0) {
            throw ServiceException.invalid("amount must be greater than 0");
        }
        if (count < 1 || count > MAX_BATCH) {
            throw ServiceException.invalid("count must be between 1 and " + MAX_BATCH);
        }
        List<String> codes = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = Secrets.random(PREFIX, 24);
            codes.add(code);
            rows.add(new String[] {Secrets.hash(code), code.substring(0, PREFIX.length() + 4)});
        }
        List<Long> ids = repos.redemptions().createBatch(n, nanos, rows, createdBy);
        return new CreatedRedemptions(n, nanos, ids, List.copyOf(codes));
    }

    public Page<Redemption> page(int page, int size) {
        return repos.redemptions().list(page, size);
    }

    /**
     * Deletes a code nobody redeemed.
     *
     * @throws ServiceException NOT_FOUND for an unknown id; CONFLICT for a used code
     */
    public Redemption deleteUnused(long id) {
        Redemption r = repos.redemptions()
                .findById(id)
                .orElseThrow(() -> ServiceException.notFound("no redemption code with id " + id));
        if (!repos.redemptions().deleteUnused(id)) {
            throw repos.redemptions().findById(id).isPresent()
                    ? ServiceException.conflict("redemption code " + id + " was used and stays on record")
                    : ServiceException.notFound("no redemption code with id " + id);
        }
        return r;
    }

    /**
     * Credits a code's amount to the user's balance; of concurrent calls with one code only one
     * succeeds.
     *
     * @return the amount credited in nano-dollars
     * @throws ServiceException INVALID for a malformed code; NOT_FOUND for an unknown or used code
     */
    public long redeem(String code, long userId) {
        String c = Inputs.name("code", code);
        if (!c.startsWith(PREFIX) || c.length() > 100) {
            throw ServiceException.invalid("not a redemption code (they start with " + PREFIX + ")");
        }
        OptionalLong credited = repos.redemptions().redeem(Secrets.hash(c), userId);
        if (credited.isEmpty()) {
            throw ServiceException.notFound("unknown or already used redemption code");
        }
        return credited.getAsLong();
    }
}
