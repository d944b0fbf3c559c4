package ai.burncloud.service;

import ai.burncloud.common.IpRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates the client address restrictions of a token: IPv4 or IPv6 addresses, alone or as CIDR
 * ranges. Only literals are accepted (a host name would need a DNS lookup and is refused).
 */
final class IpRanges {
    private static final int MAX = 100;

    private IpRanges() {}

    static List<String> parse(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX) {
            throw ServiceException.invalid("ip_ranges may hold at most " + MAX + " entries");
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(one(v.strip()));
            }
        }
        return List.copyOf(out);
    }

    private static String one(String text) {
        if (text.length() > 64) {
            throw invalid(text);
        }
        try {
            IpRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
        return text;
    }

    private static ServiceException invalid(String text) {
        return ServiceException.invalid(
                "ip_ranges entry '" + Inputs.clip(text) + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
    }
}
