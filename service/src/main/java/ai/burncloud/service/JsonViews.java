package ai.burncloud.service;

import ai.burncloud.common.Json;
import ai.burncloud.common.Money;
import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelTest;
import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/**
 * The JSON shape of what both the CLI's {@code --json} and the REST API show (channels, prices,
 * users, tokens), built in one place so
 * the two can never drift apart: snake_case names, money as exact decimal dollars (a JSON number),
 * {@code -1} for "unlimited", times as unix seconds, and upstream keys only as a hint.
 */
public final class JsonViews {
    private JsonViews() {}

    public static ObjectNode object() {
        return Json.object();
    }

    public static ArrayNode array() {
        return Json.mapper().createArrayNode();
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }

    /** Nano-dollars as exact decimal dollars. */
    public static void money(ObjectNode node, String field, long nanos) {
        node.put(field, Money.toDollars(nanos));
    }

    /** Like {@link #money} but the -1 sentinel stays -1 (unlimited). */
    public static void limit(ObjectNode node, String field, long nanos) {
        if (nanos == Money.UNLIMITED) {
            node.put(field, -1);
        } else {
            money(node, field, nanos);
        }
    }

    public static ObjectNode channel(Channel c) {
        ObjectNode n = object();
        n.put("id", c.id());
        n.put("name", c.name());
        n.put("type", c.type().id());
        n.put("status", c.status().id());
        n.put("status_reason", c.statusReason());
        n.put("base_url", c.baseUrl());
        n.put("key_hint", KeyHint.of(c.apiKey()));
        n.set("models", strings(c.models()));
        n.set("groups", strings(c.groups()));
        n.put("priority", c.priority());
        n.put("weight", c.weight());
        ObjectNode mapping = n.putObject("model_mapping");
        c.modelMapping().forEach(mapping::put);
        if (c.config() == null) {
            n.putNull("config");
        } else {
            n.set("config", Json.parse(c.config()));
        }
        money(n, "used_quota", c.usedQuota());
        n.set("last_test", channelTest(c.lastTest()));
        n.put("created_at", c.createdAt());
        n.put("updated_at", c.updatedAt());
        return n;
    }

    /** A channel with the routes derived from it. */
    public static ObjectNode channel(Channel c, List<Ability> abilities) {
        ObjectNode n = channel(c);
        ArrayNode a = n.putArray("abilities");
        for (Ability ab : abilities) {
            a.addObject()
                    .put("group", ab.group())
                    .put("model", ab.model())
                    .put("enabled", ab.enabled())
                    .put("priority", ab.priority())
                    .put("weight", ab.weight());
        }
        return n;
    }

    static ObjectNode channelTest(ChannelTest t) {
        if (t == null) {
            return null;
        }
        ObjectNode n = object();
        n.put("tested_at", t.testedAt());
        n.put("ok", t.ok());
        n.put("latency_ms", t.latencyMs());
        n.put("ttft_ms", t.ttftMs());
        n.put("tokens_per_s", t.tokensPerSecond());
        n.put("error", t.error());
        return n;
    }

    /**
     * A price per 1M tokens. An alias shows the price it resolves to and names where it comes from
     * ({@code resolved_from}); its target appears as {@code alias} and as {@code alias_for}.
     */
    public static ObjectNode price(PriceEntry e) {
        ObjectNode n = object();
        n.put("model", e.model());
        n.put("alias", e.row().aliasFor());
        n.put("alias_for", e.row().aliasFor());
        ResolvedPrice p = e.resolved().orElse(null);
        n.put("resolved_from", p == null ? null : p.source());
        if (p == null) {
            n.putNull("input");
            n.putNull("output");
            n.putNull("cached_input");
        } else {
            money(n, "input", p.input());
            money(n, "output", p.output());
            if (p.cachedInput() == null) {
                n.putNull("cached_input");
            } else {
                money(n, "cached_input", p.cachedInput());
            }
        }
        n.put("updated_at", e.row().updatedAt());
        return n;
    }

    /** A user; never the password hash, only whether one is set. */
    public static ObjectNode user(User u) {
        ObjectNode n = object();
        n.put("id", u.id());
        n.put("username", u.username());
        n.put("role", u.role().id());
        n.put("group", u.group());
        n.put("status", u.status().id());
        limit(n, "balance", u.balance());
        money(n, "used_quota", u.usedQuota());
        n.put("request_count", u.requestCount());
        n.put("has_password", u.passwordHash() != null);
        if (u.inviterId() == null) {
            n.putNull("inviter_id");
        } else {
            n.put("inviter_id", u.inviterId());
        }
        n.put("created_at", u.createdAt());
        n.put("updated_at", u.updatedAt());
        return n;
    }

    /** A token; never the key, only its display prefix. */
    public static ObjectNode token(Token t) {
        ObjectNode n = object();
        n.put("id", t.id());
        n.put("name", t.name());
        n.put("user_id", t.userId());
        n.put("key_prefix", t.keyPrefix());
        n.put("status", t.status().id());
        limit(n, "quota_limit", t.quotaLimit());
        money(n, "used_quota", t.usedQuota());
        n.put("expires_at", t.expiresAt());
        n.set("models", strings(t.models()));
        n.set("ip_ranges", strings(t.ipRanges()));
        n.put("group", t.groupOverride());
        n.put("rpm", t.rpm());
        n.put("tpm", t.tpm());
        n.put("created_at", t.createdAt());
        n.put("updated_at", t.updatedAt());
        return n;
    }
}
