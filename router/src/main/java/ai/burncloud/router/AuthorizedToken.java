package ai.burncloud.router;

import ai.burncloud.common.IpRange;
import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A token with everything the hot path needs to judge a request, precomputed when the snapshot is
 * built: its owner, its effective group and that group's ratio, its model allow-list and IP ranges.
 */
public record AuthorizedToken(
        Token token,
        User user,
        String group,
        BigDecimal groupRatio,
        Set<String> allowedModels,
        List<IpRange> ipRanges) {

    public boolean allowsModel(String model) {
        return allowedModels.isEmpty() || allowedModels.contains(model);
    }

    public boolean allowsAddress(java.net.InetAddress address) {
        if (ipRanges.isEmpty()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        for (IpRange r : ipRanges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
