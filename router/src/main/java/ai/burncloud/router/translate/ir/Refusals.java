package ai.burncloud.router.translate.ir;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.TranslationException;

/** The 400s for operations a channel type cannot serve at all. */
public final class Refusals {
    private Refusals() {}

    public static TranslationException operation(Operation op, String upstream) {
        String what = op.api() == ClientApi.GEMINI ? "models/{model}" + op.pathOrSuffix() : op.pathOrSuffix();
        return new TranslationException(what + " is not supported on " + upstream + " channels");
    }
}
