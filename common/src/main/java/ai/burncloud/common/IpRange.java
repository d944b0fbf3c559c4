package ai.burncloud.common;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address range in CIDR form ("10.0.0.0/8", "2001:db8::/32") or a single address. Only literals
 * are accepted: a host name would need a DNS lookup, and is refused.
 */
public final class IpRange {
    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    private static final java.util.regex.Pattern V4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final java.util.regex.Pattern V6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    /**
     * Parses a literal address or CIDR range; never does a DNS lookup.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static IpRange parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        boolean v4 = V4.matcher(address).matches();
        boolean v6 = !v4 && address.contains(":") && V6.matcher(address).matches();
        if ((!v4 && !v6) || address.length() > 45) {
            throw invalid(text);
        }
        if (v4) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw invalid(text);
                }
            }
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw invalid(text);
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String bits = t.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > bytes.length * 8) {
                throw invalid(text);
            }
            prefix = Integer.parseInt(bits);
        }
        return new IpRange(bytes, prefix);
    }

    /** The address an IP literal names, or null when the text is not one (no DNS lookup, ever). */
    public static InetAddress literal(String text) {
        try {
            IpRange r = parse(text);
            return r.prefix == r.network.length * 8 ? InetAddress.getByAddress(r.network) : null;
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            // an IPv4-mapped IPv6 address matches IPv4 ranges
            if (a.length == 16 && network.length == 4 && isV4Mapped(a)) {
                byte[] v4 = new byte[4];
                System.arraycopy(a, 12, v4, 0, 4);
                a = v4;
            } else {
                return false;
            }
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
    }
}
