package ai.burncloud.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates the client address restrictions of a token: IPv4 or IPv6 addresses, alone or as CIDR
 * ranges. Only literals are accepted (a host name would need a DNS lookup and is refused).
 */
final class IpRanges {
    private static final int MAX = 100;
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

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
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean v4 = V4.matcher(address).matches();
        boolean v6 = !v4 && address.contains(":") && V6.matcher(address).matches();
        if (!v4 && !v6 || address.length() > 45) {
            throw invalid(text);
        }
        try {
            InetAddress.getByName(address); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw invalid(text);
        }
        if (v4 && address.chars().filter(c -> c == '.').count() == 3) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw invalid(text);
                }
            }
        }
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            int max = v4 ? 32 : 128;
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                throw invalid(text);
            }
        }
        return text;
    }

    private static ServiceException invalid(String text) {
        return ServiceException.invalid(
                "ip_ranges entry '" + Inputs.clip(text) + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
    }
}
