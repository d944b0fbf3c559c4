package ai.burncloud.router;

import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.service.QuotaHold;
import ai.burncloud.service.ResolvedPrice;

/**
 * A request the gateway accepted: who sent it, where it may go, what it will cost per token, the
 * money held for it, and the count of what it has generated so far (read by the settlement and by
 * the in-flight journal). {@code price} is null for an unpriced model served under
 * BILLING_ALLOW_UNPRICED. {@code ticket} sets right, when the request ends, what admission took
 * besides the local ledger's hold (rate windows, a shared hold).
 */
public record Admission(
        ClientRequest request,
        AuthorizedToken token,
        RouteTable routes,
        ResolvedPrice price,
        QuotaHold hold,
        int retryTimes,
        CompletionCounter completion,
        AdmissionTicket ticket) {

    /** The same admission with what its shared (or fail-open local) hold took. */
    Admission withTicket(AdmissionTicket t) {
        return new Admission(request, token, routes, price, hold, retryTimes, completion, t);
    }
}
