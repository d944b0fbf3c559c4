package ai.burncloud.cli;

import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Tokens as people and scripts see them: the key's display prefix, never the key. */
final class TokenViews {
    private final Map<Long, String> owners;
    private final long now;

    private TokenViews(Map<Long, String> owners, long now) {
        this.owners = owners;
        this.now = now;
    }

    static TokenViews of(List<User> users) {
        return new TokenViews(
                users.stream().collect(Collectors.toMap(User::id, User::username, (a, b) -> a)),
                System.currentTimeMillis() / 1000);
    }

    ObjectNode json(Token t) {
        ObjectNode n = JsonViews.token(t);
        n.put("user", owners.get(t.userId())); // the owner's name, which the CLI knows
        return n;
    }

    ArrayNode json(List<Token> tokens) {
        ArrayNode a = JsonViews.array();
        tokens.forEach(t -> a.add(json(t)));
        return a;
    }

    Table table(List<Token> tokens) {
        Table t = Table.of("ID", "NAME", "USER", "KEY", "STATUS", "QUOTA", "USED", "EXPIRES");
        for (Token k : tokens) {
            t.row(
                    k.id(),
                    k.name(),
                    owner(k),
                    k.keyPrefix() + "...",
                    k.status().id(),
                    Formats.money(k.quotaLimit()),
                    Formats.money(k.usedQuota()),
                    Formats.expiry(k.expiresAt(), now));
        }
        return t;
    }

    /** One token, as {@code --json} asks: JSON for scripts, details for people. */
    void print(PrintWriter out, boolean json, Token t) {
        if (json) {
            JsonOutput.print(out, json(t));
        } else {
            details(t).print(out);
        }
    }

    /**
     * What {@code enable} and {@code disable} print: the token as JSON (the owners are read only
     * then), or one line with its status.
     */
    static void printStatus(PrintWriter out, boolean json, Token t, Services s) {
        if (json) {
            JsonOutput.print(out, of(s.users().list()).json(t));
        } else {
            out.println("Token " + t.id() + " (" + t.name() + ") is now "
                    + t.status().id() + ".");
        }
    }

    Details details(Token t) {
        return new Details()
                .add("id", t.id())
                .add("name", t.name())
                .add("user", owner(t))
                .add("key", t.keyPrefix() + "... (the full key is shown only when created)")
                .add("status", t.status().id())
                .add("quota", Formats.money(t.quotaLimit()) + (t.unlimited() ? "" : " USD"))
                .add("used", Formats.money(t.usedQuota()) + " USD")
                .add("expires", Formats.expiry(t.expiresAt(), now))
                .add("models", Formats.list(t.models(), "all"))
                .add("group", t.groupOverride() == null ? "(the user's group)" : t.groupOverride())
                .add("rpm", t.rpm() == 0 ? "no limit" : String.valueOf(t.rpm()))
                .add("tpm", t.tpm() == 0 ? "no limit" : String.valueOf(t.tpm()))
                .add("created", Formats.time(t.createdAt()))
                .add("updated", Formats.time(t.updatedAt()));
    }

    private String owner(Token t) {
        return owners.getOrDefault(t.userId(), "#" + t.userId());
    }
}
