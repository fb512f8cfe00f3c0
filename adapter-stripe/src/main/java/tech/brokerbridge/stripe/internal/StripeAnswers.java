package tech.brokerbridge.stripe.internal;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.license.SubscriptionCheck;

/**
 * Turns what stripe-java returns or throws into the port's answers. Reasons are written here, never
 * copied from Stripe's messages: those quote the masked API key ("Invalid API Key provided:
 * rk_live_****1234") or the subscription id ("No such subscription: 'sub_…'"), both credentials.
 */
final class StripeAnswers {
    /** The subscription metadata key that holds the bound installation id. */
    static final String INSTALLATION_KEY = "brokerbridge_installation";

    private StripeAnswers() {
    }

    static SubscriptionCheck found(Subscription s) {
        if (s == null || s.getId() == null || s.getStatus() == null) {
            return new SubscriptionCheck.Unreachable("Stripe answered without a subscription id or status");
        }
        Map<String, String> metadata = s.getMetadata() == null ? Map.of() : s.getMetadata();
        Optional<String> bound = Optional.ofNullable(metadata.get(INSTALLATION_KEY)).filter(v -> !v.isBlank());
        return new SubscriptionCheck.Found(s.getId(), s.getStatus(), bound, periodEnd(s));
    }

    /**
     * Since API version 2025-03-31 the period lives on each item, not on the subscription; with
     * several items the latest end is the one that matters for a license.
     */
    private static Optional<Instant> periodEnd(Subscription s) {
        if (s.getItems() == null || s.getItems().getData() == null) {
            return Optional.empty();
        }
        return s.getItems().getData().stream().map(SubscriptionItem::getCurrentPeriodEnd).filter(Objects::nonNull)
                .max(Long::compare).map(Instant::ofEpochSecond);
    }

    static SubscriptionCheck translate(StripeException e) {
        String ref = e.getRequestId() == null ? "" : " (request " + e.getRequestId() + ")";
        // PermissionException is a subclass of AuthenticationException: test it first
        if (e instanceof PermissionException) {
            return new SubscriptionCheck.Unauthorized("the Stripe key lacks a permission (HTTP 403): it needs "
                    + "Subscriptions read and write" + ref);
        }
        if (e instanceof AuthenticationException) {
            return new SubscriptionCheck.Unauthorized("Stripe refused the API key (HTTP 401)" + ref);
        }
        if (e instanceof InvalidRequestException && "resource_missing".equals(e.getCode())) {
            return new SubscriptionCheck.NotFound("Stripe knows no such subscription" + ref);
        }
        if (e instanceof RateLimitException) {
            return new SubscriptionCheck.Unreachable("Stripe is rate limiting requests (HTTP 429)" + ref);
        }
        if (e instanceof ApiConnectionException) {
            return new SubscriptionCheck.Unreachable(connectionReason(e));
        }
        Integer status = e.getStatusCode();
        String code = e.getCode() == null ? "" : ", " + e.getCode();
        if (status != null && status >= 500) {
            return new SubscriptionCheck.Unreachable("Stripe answered with a server error (HTTP " + status + code + ")"
                    + ref);
        }
        // a 404 without resource_missing (wrong API base or proxy), a 400 or a body that is not
        // Stripe's: a technical failure, not a verdict on the license
        return new SubscriptionCheck.Unreachable("Stripe gave an unexpected answer (" + e.getClass().getSimpleName()
                + (status == null ? "" : ", HTTP " + status) + code + ")" + ref);
    }

    private static String connectionReason(StripeException e) {
        // our transport's messages name no URL; the SDK's own ("IOException during API request to
        // Stripe (https://…)") are not passed on
        Throwable cause = e.getCause();
        if (cause instanceof java.io.IOException io) {
            return PrivateTransport.describe(io);
        }
        return "the connection to Stripe failed";
    }

    static SubscriptionCheck unexpected(RuntimeException e) {
        return new SubscriptionCheck.Unreachable("Stripe's answer could not be read (" + e.getClass().getSimpleName()
                + ")");
    }
}
