package ai.burncloud.router.translate.ir;

import java.util.concurrent.ThreadLocalRandom;

/** Response ids for answers whose upstream gave none in the client's expected form. */
public final class Ids {
    private static final char[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private Ids() {}

    /**
     * {@code prefix}, the marker {@code gw} (minted by the gateway, not the upstream) and 24 random
     * alphanumerics. Not a secret: ids only need to be unique.
     */
    public static String random(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb =
                new StringBuilder(prefix.length() + 26).append(prefix).append("gw");
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
