package ai.burncloud.service;

import ai.burncloud.database.Token;

/** A token just created and its full key, which exists only here and is never stored. */
public record CreatedToken(Token token, String key) {
    @Override
    public String toString() {
        return "CreatedToken[id=" + token.id() + ", key=" + token.keyPrefix() + "...]";
    }
}
