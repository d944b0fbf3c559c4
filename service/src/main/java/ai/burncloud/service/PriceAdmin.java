package ai.burncloud.service;

import ai.burncloud.database.Price;
import ai.burncloud.database.Repositories;
import java.util.List;

/** Model prices per 1M tokens and aliases between models, as operators manage them. */
public final class PriceAdmin {
    private final Repositories repos;

    public PriceAdmin(Repositories repos) {
        this.repos = repos;
    }

    public List<PriceEntry> list() {
        List<Price> rows = repos.prices().all();
        PriceBook book = new PriceBook(rows, List.of());
        return rows.stream()
                .map(p -> new PriceEntry(p, book.resolvePrice(p.model())))
                .toList();
    }

    /** @throws ServiceException NOT_FOUND when the model has no price row */
    public PriceEntry get(String model) {
        String m = Inputs.identifier("model", model);
        Price row =
                repos.prices().find(m).orElseThrow(() -> ServiceException.notFound("no price for model '" + m + "'"));
        return new PriceEntry(row, book().resolvePrice(m));
    }

    /**
     * Sets a model's own price from decimal dollars per 1M tokens (replacing any alias it had).
     *
     * @param cachedInput the cached-prompt price, or null to bill cached tokens as ordinary input
     * @throws ServiceException INVALID for a bad model name or an amount that is missing, not a finite
     *     number, negative or finer than a nano-dollar
     */
    public PriceEntry set(String model, String input, String output, String cachedInput) {
        String m = Inputs.identifier("model", model);
        long in = Inputs.dollars("input price", input);
        long out = Inputs.dollars("output price", output);
        Long cached = cachedInput == null ? null : Inputs.dollars("cached input price", cachedInput);
        Price row = repos.prices().setPrice(m, in, out, cached);
        return new PriceEntry(row, book().resolvePrice(m));
    }

    /**
     * Makes {@code model} use {@code target}'s price.
     *
     * @throws ServiceException INVALID when the target has no price, is the model itself or the alias
     *     would close a cycle
     */
    public PriceEntry alias(String model, String target) {
        String m = Inputs.identifier("model", model);
        String t = Inputs.identifier("alias target", target);
        if (m.equals(t)) {
            throw ServiceException.invalid("a model cannot be an alias of itself: " + m);
        }
        PriceBook book = book();
        if (book.wouldCycle(m, t)) {
            throw ServiceException.invalid("'" + m + "' -> '" + t + "' would create an alias cycle");
        }
        if (book.resolvePrice(t).isEmpty()) {
            throw ServiceException.invalid("alias target '" + t + "' has no price; set one first");
        }
        Price row = repos.prices().setAlias(m, t);
        return new PriceEntry(row, book().resolvePrice(m));
    }

    /**
     * Deletes a model's price row.
     *
     * @return the aliases that pointed at the model and now resolve to nothing
     * @throws ServiceException NOT_FOUND when the model has no price row
     */
    public List<String> delete(String model) {
        String m = Inputs.identifier("model", model);
        List<String> brokenBefore = brokenAliases();
        if (!repos.prices().delete(m)) {
            throw ServiceException.notFound("no price for model '" + m + "'");
        }
        return brokenAliases().stream().filter(a -> !brokenBefore.contains(a)).toList();
    }

    private List<String> brokenAliases() {
        return list().stream()
                .filter(e -> e.isAlias() && e.resolved().isEmpty())
                .map(PriceEntry::model)
                .toList();
    }

    private PriceBook book() {
        return new PriceBook(repos.prices().all(), List.of());
    }
}
