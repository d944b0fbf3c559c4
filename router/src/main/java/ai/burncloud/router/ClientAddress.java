package ai.burncloud.router;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.IpRange;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;

/**
 * Who is really calling. Directly connected peers are who they are; a peer listed in TRUSTED_PROXIES
 * speaks for its client, so the right-most address of {@code X-Forwarded-For} that is not itself a
 * trusted proxy is the caller, and {@code X-Forwarded-Proto} says whether the client used TLS. From
 * any other peer those headers are ignored: a client cannot claim another address.
 */
record ClientAddress(InetAddress address, boolean https) {

    static ClientAddress resolve(InetAddress peer, HttpHeaders headers, BurnCloudConfig config) {
        if (peer == null || !config.trustsProxy(peer)) {
            return new ClientAddress(peer, false);
        }
        InetAddress client = peer;
        String forwarded = headers.get("x-forwarded-for");
        if (forwarded != null) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = IpRange.literal(hops[i].strip());
                if (hop == null) {
                    break; // garbage: trust nothing further left
                }
                client = hop;
                if (!config.trustsProxy(hop)) {
                    break;
                }
            }
        }
        String proto = headers.get("x-forwarded-proto");
        boolean https = proto != null && proto.split(",")[0].strip().equalsIgnoreCase("https");
        return new ClientAddress(client, https);
    }

    String text() {
        return address == null ? "unknown" : address.getHostAddress();
    }
}
