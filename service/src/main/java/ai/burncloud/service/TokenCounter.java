package ai.burncloud.service;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens locally with a real BPE tokenizer (jtokkit, o200k_base: the encoding of current
 * OpenAI models). Used only when an upstream reports no usage, and for count_tokens on upstreams
 * that have no such endpoint; such counts are marked estimated. Thread-safe.
 *
 * <p>The vocabulary (about 30 MB of heap) is loaded on the first count, not at start: a gateway whose
 * upstreams always report usage never pays for it.
 */
public final class TokenCounter {
    private static final TokenCounter STANDARD = new TokenCounter();

    private TokenCounter() {}

    public static TokenCounter standard() {
        return STANDARD;
    }

    public int count(CharSequence text) {
        if (text == null || text.length() == 0) {
            return 0;
        }
        return Vocabulary.O200K.countTokensOrdinary(text.toString());
    }

    /** Initialised by the JVM on first use only (the holder idiom): lazy and thread-safe. */
    private static final class Vocabulary {
        static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }
}
