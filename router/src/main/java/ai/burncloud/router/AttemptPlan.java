package ai.burncloud.router;

import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBufAllocator;

/**
 * What one attempt on one channel will send, prepared before any connection: the channel's target
 * (model mapped), the translator for (client API → channel dialect), the translated body and the HTTP
 * request. When the channel cannot take the request — no translator, a translator's refusal, an
 * unusable URL — the plan carries that {@link #failure} instead; when the translator answers by
 * itself (count_tokens), the plan is {@link UpstreamBody#isLocal() local}.
 *
 * <p>{@code sent}'s body belongs to the exchange (it is released at the next attempt or the end);
 * {@code request} to whoever sends it.
 */
record AttemptPlan(
        UpstreamTarget target,
        Translator translator,
        UpstreamBody sent,
        UpstreamRequests.Built request,
        AttemptFailure failure,
        String trailReason) {

    /** Prepares the attempt; a {@link TranslationException} becomes a refusal, never an exception. */
    static AttemptPlan prepare(
            DataPlane plane, Admission admission, Upstream upstream, ByteBufAllocator alloc, String anthropicBeta) {
        UpstreamTarget target = upstream.target(admission.request().model());
        Translator translator = plane.translators()
                .forPair(admission.request().api(), upstream.dialect())
                .orElse(null);
        if (translator == null) {
            return failed(target, null, null, AttemptFailure.unsupported(upstream), "unsupported");
        }
        UpstreamBody sent;
        try {
            sent = translator.toUpstream(admission.request(), target, alloc);
        } catch (TranslationException e) {
            // this channel cannot express the request; another one may (docs/ROUTING.md)
            return failed(
                    target,
                    translator,
                    null,
                    AttemptFailure.refused(e.error(), e.getMessage(), e.errorCode()),
                    "refused");
        }
        if (sent.isLocal()) {
            return new AttemptPlan(target, translator, sent, null, null, "local");
        }
        try {
            return new AttemptPlan(
                    target,
                    translator,
                    sent,
                    plane.requests().build(upstream, target, sent, anthropicBeta),
                    null,
                    null);
        } catch (IllegalArgumentException e) {
            return failed(
                    target,
                    translator,
                    sent,
                    AttemptFailure.connect("channel " + upstream.id() + " has an invalid URL"),
                    "badurl");
        }
    }

    private static AttemptPlan failed(
            UpstreamTarget target, Translator translator, UpstreamBody sent, AttemptFailure failure, String reason) {
        return new AttemptPlan(target, translator, sent, null, failure, reason);
    }
}
