package ai.burncloud.service;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens locally with a real BPE tokenizer (jtokkit, o200k_base: the encoding of current
 * OpenAI models). Used only when an upstream reports no usage, and for count_tokens on upstreams
 * that have no such endpoint; such counts are marked estimated. Immutable and thread-safe.
 */
public final class TokenCounter {
    private static final TokenCounter DEFAULT =
            new TokenCounter(Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));

    private final Encoding encoding;

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    public static TokenCounter standard() {
        return DEFAULT;
    }

    public int count(CharSequence text) {
        if (text == null || text.length() == 0) {
            return 0;
        }
        return encoding.countTokensOrdinary(text.toString());
    }
}
