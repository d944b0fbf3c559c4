package ai.burncloud.cli;

import ai.burncloud.service.TokenRequest;
import java.util.List;
import picocli.CommandLine.Option;

/** The fields of a token, shared by {@code token create} and {@code token update}. */
final class TokenOptions {
    @Option(names = "--name", paramLabel = "NAME", description = "A name for people.")
    String name;

    @Option(names = "--quota", paramLabel = "USD", description = "Spending limit in dollars, or -1 for unlimited.")
    String quota;

    @Option(
            names = "--expires",
            paramLabel = "WHEN",
            description = "-1 (never), unix seconds, or an ISO-8601 date/date-time (UTC unless an offset is given).")
    String expires;

    @Option(
            names = "--models",
            split = ",",
            paramLabel = "MODEL",
            description = "Only these models (default: all; an empty value clears the restriction).")
    List<String> models;

    @Option(
            names = "--group",
            paramLabel = "GROUP",
            description = "Bill and route as this group instead of the owner's (empty value clears it).")
    String group;

    @Option(names = "--rpm", paramLabel = "N", description = "Requests per minute (0 = no limit).")
    Integer rpm;

    @Option(
            names = "--tpm",
            paramLabel = "N",
            description = "Tokens per minute, prompt plus completion (0 = no limit).")
    Integer tpm;

    TokenRequest request(String user) {
        return new TokenRequest(name, user, quota, expires, models, group, rpm, null, null, tpm);
    }
}
