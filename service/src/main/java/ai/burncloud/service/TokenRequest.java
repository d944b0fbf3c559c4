package ai.burncloud.service;

import java.util.List;

/**
 * A token to create, or the changes to make to one, as an operator typed them. On create, null
 * fields take defaults (owner root, unlimited quota, never expires, every model, every address, the
 * owner's group, no rate limit, enabled); on update, null fields stay as they are.
 *
 * @param user the owner's username (create only)
 * @param quota decimal dollars, or "-1" for unlimited
 * @param expires "-1", unix seconds, or an ISO-8601 date or date-time
 * @param models allowed models; empty allows every model
 * @param group group override; empty removes the override
 * @param rpm requests per minute; 0 is no limit
 * @param ipRanges client addresses allowed (IPs or CIDR ranges); empty allows every address
 * @param status enabled or disabled
 * @param tpm tokens per minute (prompt estimate plus completion, corrected at settlement); 0 is no limit
 */
public record TokenRequest(
        String name,
        String user,
        String quota,
        String expires,
        List<String> models,
        String group,
        Integer rpm,
        List<String> ipRanges,
        String status,
        Integer tpm) {

    public TokenRequest(
            String name,
            String user,
            String quota,
            String expires,
            List<String> models,
            String group,
            Integer rpm,
            List<String> ipRanges,
            String status) {
        this(name, user, quota, expires, models, group, rpm, ipRanges, status, null);
    }

    public TokenRequest(
            String name, String user, String quota, String expires, List<String> models, String group, Integer rpm) {
        this(name, user, quota, expires, models, group, rpm, null, null, null);
    }

    public static TokenRequest named(String name) {
        return new TokenRequest(name, null, null, null, null, null, null);
    }
}
