package ai.burncloud.service;

import ai.burncloud.database.Channel;
import ai.burncloud.database.GroupRatio;
import ai.burncloud.database.ModelRatio;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.User;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model ratios (One-API pricing fallback: ratio 1 = $2 per 1M prompt tokens) and group ratios
 * (a multiplier on every cost of a group's users), and the groups they apply to.
 */
public final class RatioAdmin {
    private static final BigDecimal MAX_RATIO = new BigDecimal("1000000");

    private final Repositories repos;

    public RatioAdmin(Repositories repos) {
        this.repos = repos;
    }

    public List<ModelRatio> modelRatios() {
        return repos.ratios().modelRatios();
    }

    /** @throws ServiceException INVALID for a bad model name or ratio */
    public ModelRatio setModelRatio(String model, BigDecimal ratio, BigDecimal completionRatio) {
        String m = Inputs.identifier("model", model);
        BigDecimal r = ratio("ratio", ratio);
        BigDecimal c = completionRatio == null ? BigDecimal.ONE : ratio("completion_ratio", completionRatio);
        return repos.ratios().setModelRatio(m, r, c);
    }

    /** @throws ServiceException NOT_FOUND when the model has no ratio */
    public void deleteModelRatio(String model) {
        String m = Inputs.identifier("model", model);
        if (!repos.ratios().deleteModelRatio(m)) {
            throw ServiceException.notFound("no ratio for model '" + m + "'");
        }
    }

    public List<GroupRatio> groupRatios() {
        return repos.ratios().groupRatios();
    }

    /** @throws ServiceException INVALID for a bad group name, ratio or description */
    public GroupRatio setGroupRatio(String group, BigDecimal ratio, String description) {
        String g = Inputs.identifier("group", group);
        BigDecimal r = ratio("ratio", ratio);
        String d = description == null || description.isBlank() ? null : Inputs.name("description", description);
        return repos.ratios().setGroupRatio(g, r, d);
    }

    /** @throws ServiceException NOT_FOUND when the group has no ratio; CONFLICT for "default" */
    public void deleteGroupRatio(String group) {
        String g = Inputs.identifier("group", group);
        if (g.equals(UserAdmin.DEFAULT_GROUP)) {
            throw ServiceException.conflict("the default group's ratio can be changed but not deleted");
        }
        if (!repos.ratios().deleteGroupRatio(g)) {
            throw ServiceException.notFound("no ratio for group '" + g + "'");
        }
    }

    /** Every group that has a ratio, a user or a channel, by name. */
    public List<GroupSummary> groups() {
        Map<String, long[]> counts = new TreeMap<>();
        for (User u : repos.users().all()) {
            counts.computeIfAbsent(u.group(), k -> new long[2])[0]++;
        }
        for (Channel c : repos.channels().all()) {
            for (String g : c.groups()) {
                counts.computeIfAbsent(g, k -> new long[2])[1]++;
            }
        }
        Map<String, GroupRatio> ratios = new TreeMap<>();
        for (GroupRatio r : repos.ratios().groupRatios()) {
            ratios.put(r.group(), r);
            counts.computeIfAbsent(r.group(), k -> new long[2]);
        }
        return counts.entrySet().stream()
                .map(e -> {
                    GroupRatio r = ratios.get(e.getKey());
                    return new GroupSummary(
                            e.getKey(),
                            r == null ? BigDecimal.ONE : r.ratio(),
                            r == null ? null : r.description(),
                            r != null,
                            e.getValue()[0],
                            e.getValue()[1]);
                })
                .toList();
    }

    /** A ratio as stored: 0 to 1,000,000 with at most 9 decimals, trailing zeros dropped. */
    static BigDecimal ratio(String field, BigDecimal value) {
        if (value == null) {
            throw ServiceException.invalid(field + " is required");
        }
        if (value.signum() < 0 || value.compareTo(MAX_RATIO) > 0) {
            throw ServiceException.invalid(field + " must be between 0 and " + MAX_RATIO.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 9) {
            throw ServiceException.invalid(field + " has more than 9 decimal places");
        }
        return value.stripTrailingZeros();
    }
}
