package ai.burncloud.database;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Model ratios (One-API pricing fallback) and group ratios. */
public interface RatioRepository {
    ModelRatio setModelRatio(String model, BigDecimal ratio, BigDecimal completionRatio);

    Optional<ModelRatio> findModelRatio(String model);

    List<ModelRatio> modelRatios();

    boolean deleteModelRatio(String model);

    GroupRatio setGroupRatio(String group, BigDecimal ratio, String description);

    Optional<GroupRatio> findGroupRatio(String group);

    List<GroupRatio> groupRatios();

    boolean deleteGroupRatio(String group);
}
