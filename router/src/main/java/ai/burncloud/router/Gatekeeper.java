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

/**
 * Decides, from the in-memory snapshot alone, whether a request may go upstream: who is calling
 * (authentication), what they may do (model allow-list, IP ranges, rate limit), whether the model is
 * served and priced, and whether the money is there — in which case it is held. The checks run in
 * the order of the README's error table, so the first failing one names the problem.
 */
final class Gatekeeper {
    /** Completion tokens assumed for the hold when a request sets no max_tokens. */
    static final long DEFAULT_COMPLETION_HOLD_TOKENS = 1024;

    /** The answer for a key the snapshot does not know (the dispatcher may look it up: {@link KeyLookup}). */
    static final Rejection UNKNOWN_KEY = Rejection.of(GatewayError.INVALID_TOKEN, "Invalid API key");

    private final RateLimiter rateLimiter;
    private final QuotaLedger ledger;
    private final TokenCounter tokenCounter;

    Gatekeeper(RateLimiter rateLimiter, QuotaLedger ledger, TokenCounter tokenCounter) {
        this.rateLimiter = rateLimiter;
        this.ledger = ledger;
        this.tokenCounter = tokenCounter;
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

    /** Everything after authentication: permissions, rate limit, routing, price, quota hold. */
    Object admit(RoutingSnapshot snapshot, AuthorizedToken token, ClientRequest request) {
        String model = request.model();
        if (model == null || model.isBlank()) {
            return Rejection.of(GatewayError.INVALID_REQUEST, "you must provide a model parameter");
        }
        if (!token.allowsModel(model)) {
            return Rejection.of(GatewayError.PERMISSION_DENIED, "This API key may not use model " + model);
        }
        long wait = rateLimiter.tryAcquire(token.token().id(), token.token().rpm());
        if (wait > 0) {
            return new Rejection(
                    GatewayError.RATE_LIMIT_EXCEEDED,
                    "Rate limit of " + token.token().rpm() + " requests per minute reached for this API key",
                    wait,
                    false);
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
        long estimate = price == null ? 0 : holdEstimate(request, price, token);
        QuotaLedger.HoldResult held =
                ledger.hold(token.token().id(), token.user().id(), estimate);
        if (!held.ok()) {
            String whose =
                    held.shortfall() == QuotaLedger.Shortfall.TOKEN_QUOTA ? "this API key's quota" : "your balance";
            return Rejection.of(
                    GatewayError.INSUFFICIENT_QUOTA, "Insufficient quota: " + whose + " cannot cover this request");
        }
        return new Admission(
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
                                request,
                                tokenCounter,
                                System.nanoTime() + PromptEstimator.ON_EVENT_LOOP_BUDGET_NANOS)));
    }

    /** An upper estimate of the cost: prompt from the body's bytes (never the tokenizer), completion from max_tokens. */
    private long holdEstimate(ClientRequest request, ResolvedPrice price, AuthorizedToken token) {
        long prompt = PromptHold.tokens(request);
        long completion = request.fields() != null && request.fields().maxTokens() > 0
                ? request.fields().maxTokens()
                : DEFAULT_COMPLETION_HOLD_TOKENS;
        return CostCalculator.cost(price, ai.burncloud.common.TokenUsage.of(prompt, completion), token.groupRatio());
    }
}
