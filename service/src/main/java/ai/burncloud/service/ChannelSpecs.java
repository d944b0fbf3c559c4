package ai.burncloud.service;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns what an operator typed into a complete, valid {@link ChannelSpec}: for a new channel, or
 * for an existing one with some fields changed. Nothing here touches the database.
 */
final class ChannelSpecs {
    static final List<String> DEFAULT_GROUPS = List.of(UserAdmin.DEFAULT_GROUP);
    private static final int MAX_KEY = 8 * 1024;
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private ChannelSpecs() {}

    /** A new channel: name, type, key and models are required. */
    static ChannelSpec forNew(ChannelRequest r) {
        if (r.type() == null) {
            throw ServiceException.invalid("channel type is required (one of: " + ChannelType.ids() + ")");
        }
        ChannelType type = type(r.type());
        JsonNode config = Inputs.jsonObject("config", r.config());
        return new ChannelSpec(
                Inputs.name("channel name", r.name()),
                type,
                baseUrl(type, r.baseUrl(), config),
                key(type, r.key()),
                Inputs.identifiers("models", r.models(), true),
                groups(r.groups()),
                r.priority() == null ? 0 : r.priority(),
                Inputs.atLeast("weight", r.weight(), 0, 0),
                Inputs.stringMap("model mapping", r.modelMapping()),
                checkedConfig(type, config));
    }

    /** An existing channel with the non-null fields of {@code r} changed, validated as a whole. */
    static ChannelSpec forUpdate(Channel current, ChannelRequest r) {
        ChannelType type = r.type() == null ? current.type() : type(r.type());
        JsonNode config = r.config() == null
                ? Inputs.jsonObject("config", current.config())
                : Inputs.jsonObject("config", r.config());
        String baseUrl;
        if (r.baseUrl() != null) {
            baseUrl = baseUrl(type, r.baseUrl(), config);
        } else if ((type != current.type() || r.config() != null) && wasDefault(current)) {
            baseUrl = baseUrl(type, null, config);
        } else {
            baseUrl = current.baseUrl();
        }
        return new ChannelSpec(
                r.name() == null ? current.name() : Inputs.name("channel name", r.name()),
                type,
                baseUrl,
                key(type, r.key() == null ? current.apiKey() : r.key()),
                r.models() == null ? current.models() : Inputs.identifiers("models", r.models(), true),
                r.groups() == null ? current.groups() : groups(r.groups()),
                r.priority() == null ? current.priority() : r.priority(),
                r.weight() == null ? current.weight() : Inputs.atLeast("weight", r.weight(), 0, 0),
                r.modelMapping() == null ? current.modelMapping() : Inputs.stringMap("model mapping", r.modelMapping()),
                checkedConfig(type, config));
    }

    private static ChannelType type(String text) {
        try {
            return ChannelType.parse(text);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(e.getMessage());
        }
    }

    private static List<String> groups(List<String> groups) {
        List<String> g = Inputs.identifiers("groups", groups, false);
        return g.isEmpty() ? DEFAULT_GROUPS : g;
    }

    /** Whether the channel's base URL is the one its type and config default to. */
    private static boolean wasDefault(Channel current) {
        try {
            JsonNode config = current.config() == null ? null : Json.parse(current.config());
            return current.type().resolveBaseUrl(null, config).equals(current.baseUrl());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String baseUrl(ChannelType type, String given, JsonNode config) {
        String url;
        try {
            url = type.resolveBaseUrl(given, config);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(e.getMessage());
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw ServiceException.invalid("base URL has no host: " + url);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw ServiceException.invalid("base URL must not have a query or fragment: " + url);
            }
        } catch (URISyntaxException e) {
            throw ServiceException.invalid("base URL is not a valid URL: " + e.getReason());
        }
        return url;
    }

    private static String key(ChannelType type, String text) {
        if (text == null || text.isBlank()) {
            throw ServiceException.invalid("channel key must not be empty");
        }
        String key = text.strip();
        if (key.length() > MAX_KEY) {
            throw ServiceException.invalid("channel key is longer than " + MAX_KEY + " characters");
        }
        if (key.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            throw ServiceException.invalid("channel key must not contain spaces or control characters");
        }
        if (type == ChannelType.BEDROCK) {
            String[] parts = key.split("\\|", -1);
            if (parts.length < 2 || parts.length > 3 || List.of(parts).stream().anyMatch(String::isEmpty)) {
                throw ServiceException.invalid(
                        "bedrock channel key must be ACCESS_KEY_ID|SECRET_ACCESS_KEY[|SESSION_TOKEN]");
            }
        }
        return key;
    }

    /** The config as stored (compact JSON text, or null when empty), after type-specific checks. */
    private static String checkedConfig(ChannelType type, JsonNode config) {
        if (type == ChannelType.BEDROCK) {
            String region = config == null ? "" : config.path("region").asText("");
            if (!AWS_REGION.matcher(region).matches()) {
                throw ServiceException.invalid(
                        "bedrock channels need --config with an AWS region, e.g. {\"region\":\"us-east-1\"}");
            }
        }
        return config == null || config.isEmpty() ? null : Json.write(config);
    }
}
