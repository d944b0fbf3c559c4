package ai.burncloud.router;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.GatewayError;
import ai.burncloud.database.Status;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.service.CostCalculator;
import ai.burncloud.service.QuotaLedger;
import ai.burncloud.service.ResolvedPrice;
import ai.burncloud.service.TokenCounter;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Decides, from the in-memory snapshot alone, whether a request may go upstream: who is calling
 * (authentication), what they may do (model allow-list, IP ranges, rate limit), whether the model is
 * served and priced, and whether the money is there — in which case it is held. The checks run in
 * the order of the README's error table, so the first failing one names the problem. When several
 * routers share the key's limits ({@link SharedAdmission}), the rate limits and the money are
 * decided by one shared hold that completes off the event loop.
 */
final class Gatekeeper {
    /** Completion tokens assumed for the hold when a request sets no max_tokens. */
    static final long DEFAULT_COMPLETION_HOLD_TOKENS = 1024;

    /** The answer for a key the snapshot does not know (the dispatcher may look it up: {@link KeyLookup}). */
    static final Rejection UNKNOWN_KEY = Rejection.of(GatewayError.INVALID_TOKEN, "Invalid API key");

    /** Shared admission could not be asked and the deployment fails closed. */
    static final Rejection UNAVAILABLE = new Rejection(
            GatewayError.SERVICE_UNAVAILABLE,
            "Admission is unavailable: the store of shared limits cannot be reached; retry shortly",
            1,
            true);

    private final RateLimiter rateLimiter;
    private final MinuteTokens minuteTokens = new MinuteTokens();
    private final QuotaLedger ledger;
    private final TokenCounter tokenCounter;
    private final SharedAdmission sharedAdmission;
    private final boolean failOpen;

    /** One router deciding alone. */
    Gatekeeper(RateLimiter rateLimiter, QuotaLedger ledger, TokenCounter tokenCounter) {
        this(rateLimiter, ledger, tokenCounter, SharedAdmission.NONE, false);
    }

    /**
     * @param failOpen with the shared store unreachable, admit by this router's own limits instead of
     *     refusing keys with finite limits (ADMISSION_FAIL_OPEN)
     */
    Gatekeeper(
            RateLimiter rateLimiter,
            QuotaLedger ledger,
            TokenCounter tokenCounter,
            SharedAdmission sharedAdmission,
            boolean failOpen) {
        this.rateLimiter = rateLimiter;
        this.ledger = ledger;
        this.tokenCounter = tokenCounter;
        this.sharedAdmission = sharedAdmission;
        this.failOpen = failOpen;
    }

    /** The token behind a key, or a rejection (missing/unknown/disabled/expired/IP). */
    Object authenticate(RoutingSnapshot snapshot, String key, InetAddress caller, long nowSeconds) {
        if (key == null) {
            return Rejection.of(GatewayError.INVALID_TOKEN, "Missing API key: send Authorization: Bearer YOUR_KEY");
        }
        AuthorizedToken token = snapshot.tokensByHash().get(ApiKeys.hash(key));
        if (token == null) {
            return UNKNOWN_KEY;
        }
        if (token.token().status() != Status.ENABLED) {
            return Rejection.of(GatewayError.INVALID_TOKEN, "This API key is disabled");
        }
        if (token.user().status() != Status.ENABLED) {
            return Rejection.of(GatewayError.INVALID_TOKEN, "The owner of this API key is disabled");
        }
        if (token.token().expiredAt(nowSeconds)) {
            return Rejection.of(GatewayError.TOKEN_EXPIRED, "Token has expired");
        }
        if (!token.allowsAddress(caller)) {
            return Rejection.of(GatewayError.PERMISSION_DENIED, "This API key may not be used from your address");
        }
        return token;
    }

    /**
     * Everything after authentication: permissions, rate limits, routing, price, quota hold.
     *
     * @return a {@link Rejection}, an {@link Admission}, or — when the key's limits are shared by
     *     several routers — a {@link Pending} admission whose shared hold is under way; the caller
     *     finishes it with {@link #complete} on its event loop
     */
    Object admit(RoutingSnapshot snapshot, AuthorizedToken token, ClientRequest request, String requestId) {
        String model = request.model();
        if (model == null || model.isBlank()) {
            return Rejection.of(GatewayError.INVALID_REQUEST, "you must provide a model parameter");
        }
        if (!token.allowsModel(model)) {
            return Rejection.of(GatewayError.PERMISSION_DENIED, "This API key may not use model " + model);
        }
        boolean shared = shared(token);
        if (!shared) {
            Rejection limited = requestsPerMinute(token);
            if (limited != null) {
                return limited;
            }
        }
        RouteTable routes = snapshot.route(token.group(), model);
        if (routes == null) {
            return Rejection.of(
                    GatewayError.MODEL_NOT_FOUND,
                    "The model " + model + " does not exist or is not available to group " + token.group());
        }
        if (!routes.hasEnabled()) {
            return new Rejection(
                    GatewayError.SERVICE_UNAVAILABLE, "Every channel serving " + model + " is disabled", 0, true);
        }
        ResolvedPrice price = snapshot.prices().resolve(model).orElse(null);
        if (price == null && !snapshot.allowUnpriced()) {
            return Rejection.of(
                    GatewayError.PRICE_MISSING,
                    "Model " + model + " has no price; an administrator must set one (burncloud price set " + model
                            + " --input X --output Y)");
        }
        long holdTokens = holdTokens(request);
        long estimate = price == null ? 0 : holdEstimate(request, price, token);
        AdmissionTicket ticket = AdmissionTicket.NONE;
        if (!shared) {
            Object counted = tokensPerMinute(token, holdTokens);
            if (counted instanceof Rejection r) {
                return r;
            }
            ticket = (AdmissionTicket) counted;
        }
        // the local ledger holds in every mode: with shared admission it is the weaker check (it
        // knows only this router's spending), and the Settler settles against it
        QuotaLedger.HoldResult held =
                ledger.hold(token.token().id(), token.user().id(), estimate);
        if (!held.ok()) {
            ticket.abandoned();
            return insufficient(held.shortfall() == QuotaLedger.Shortfall.TOKEN_QUOTA);
        }
        Admission admission = new Admission(
                request,
                token,
                routes,
                price,
                held.hold(),
                snapshot.retryTimes(),
                new CompletionCounter(
                        tokenCounter,
                        // asked on the event loop (a usage chunk the gateway writes, a journal sample):
                        // counted within a short budget, the rest extrapolated
                        () -> PromptEstimator.estimate(
                                request, tokenCounter, System.nanoTime() + PromptEstimator.ON_EVENT_LOOP_BUDGET_NANOS)),
                ticket);
        if (!shared) {
            return admission;
        }
        return new Pending(
                admission,
                sharedAdmission.hold(new SharedAdmission.Hold(
                        requestId,
                        token.token().id(),
                        token.user().id(),
                        token.token().rpm(),
                        token.token().tpm(),
                        estimate,
                        holdTokens)));
    }

    /** An admission waiting for its shared hold. */
    record Pending(Admission admission, CompletableFuture<SharedAdmission.Granted> granted) {}

    /**
     * On the request's event loop, once the shared hold answered: the admission with its ticket, or
     * a rejection (the local hold then given back).
     */
    Object complete(Admission admission, SharedAdmission.Granted granted) {
        AuthorizedToken token = admission.token();
        Object outcome = switch (granted.verdict()) {
            case ADMITTED -> admission.withTicket(granted.ticket());
            case REQUESTS_PER_MINUTE -> rpmRejection(token, granted.retryAfterSeconds());
            case TOKENS_PER_MINUTE -> tpmRejection(token, granted.retryAfterSeconds());
            case TOKEN_QUOTA -> insufficient(true);
            case USER_BALANCE -> insufficient(false);
            case UNAVAILABLE -> failOpen ? localFallback(admission) : UNAVAILABLE;
        };
        if (outcome instanceof Rejection) {
            ledger.release(admission.hold());
        }
        return outcome;
    }

    /** Fail-open with the shared store down: this router's own rate limits (the ledger already held). */
    private Object localFallback(Admission admission) {
        Rejection limited = requestsPerMinute(admission.token());
        if (limited != null) {
            return limited;
        }
        Object counted = tokensPerMinute(admission.token(), holdTokens(admission.request()));
        if (counted instanceof Rejection r) {
            return r;
        }
        return admission.withTicket((AdmissionTicket) counted);
    }

    /** Whether this key's admission must be shared now: shared admission is on and it has a finite limit. */
    private boolean shared(AuthorizedToken token) {
        if (!sharedAdmission.active()) {
            return false;
        }
        return !token.token().unlimited()
                || !token.user().unlimited()
                || token.token().rpm() > 0
                || token.token().tpm() > 0;
    }

    private Rejection requestsPerMinute(AuthorizedToken token) {
        long wait = rateLimiter.tryAcquire(token.token().id(), token.token().rpm());
        return wait > 0 ? rpmRejection(token, wait) : null;
    }

    /** A ticket for the tokens counted, or a rejection. */
    private Object tokensPerMinute(AuthorizedToken token, long holdTokens) {
        int tpm = token.token().tpm();
        if (tpm <= 0) {
            return AdmissionTicket.NONE;
        }
        long nowMs = System.currentTimeMillis();
        long minute = nowMs / 60_000;
        long wait = minuteTokens.tryTake(token.token().id(), tpm, holdTokens, minute, RetryAfter.nextMinute(nowMs));
        if (wait > 0) {
            return tpmRejection(token, wait);
        }
        return new LocalTicket(minuteTokens, token.token().id(), minute, holdTokens);
    }

    private static Rejection rpmRejection(AuthorizedToken token, long wait) {
        return new Rejection(
                GatewayError.RATE_LIMIT_EXCEEDED,
                "Rate limit of " + token.token().rpm() + " requests per minute reached for this API key",
                wait,
                false);
    }

    private static Rejection tpmRejection(AuthorizedToken token, long wait) {
        return new Rejection(
                GatewayError.RATE_LIMIT_EXCEEDED,
                "Rate limit of " + token.token().tpm() + " tokens per minute reached for this API key"
                        + " (a request counts its prompt estimate plus max_tokens until it ends)",
                wait,
                false);
    }

    private static Rejection insufficient(boolean tokenQuota) {
        String whose = tokenQuota ? "this API key's quota" : "your balance";
        return Rejection.of(
                GatewayError.INSUFFICIENT_QUOTA, "Insufficient quota: " + whose + " cannot cover this request");
    }

    /** Tokens a request counts against tokens-per-minute until it settles: the prompt estimate plus max_tokens. */
    static long holdTokens(ClientRequest request) {
        return PromptHold.tokens(request) + completionHold(request);
    }

    private static long completionHold(ClientRequest request) {
        return request.fields() != null && request.fields().maxTokens() > 0
                ? request.fields().maxTokens()
                : DEFAULT_COMPLETION_HOLD_TOKENS;
    }

    /** An upper estimate of the cost: prompt from the body's bytes (never the tokenizer), completion from max_tokens. */
    private long holdEstimate(ClientRequest request, ResolvedPrice price, AuthorizedToken token) {
        long prompt = PromptHold.tokens(request);
        return CostCalculator.cost(
                price, ai.burncloud.common.TokenUsage.of(prompt, completionHold(request)), token.groupRatio());
    }
}
