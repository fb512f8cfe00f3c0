package tech.brokerbridge.stripe;

import java.util.Objects;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.stripe.internal.StripeLicenseService;

/**
 * Makes the {@link LicenseService} that asks Stripe about a subscription (the license key,
 * {@code sub_…}) with the customer's restricted API key, and binds it to an installation through
 * the subscription's metadata key {@code brokerbridge_installation}.
 *
 * <ul>
 * <li><b>Threading</b>: the service is thread-safe and stateless; each call builds its own
 *     {@code StripeClient} with that call's API key (the SDK's global {@code Stripe.apiKey} is never
 *     used).</li>
 * <li><b>Blocking</b>: a call blocks for at most {@code (1 + maxNetworkRetries)} times
 *     {@code connectTimeout + readTimeout}, plus the SDK's back-off between retries (0.5 s, then
 *     1 s, with jitter): about 47 s with the defaults when every attempt times out. A bind is two
 *     calls: the write, then, {@code bindReadBack} later (2 s by default), a read of the subscription, whose
 *     answer is the bind's (Stripe's metadata is last-writer-wins: the echo of one's own write proves
 *     nothing when another installation binds at the same time).</li>
 * <li><b>Errors</b>: nothing Stripe or the network does throws. A refused key (HTTP 401, or 403 for
 *     a key without the Subscriptions permission) answers {@code Unauthorized}; an unknown
 *     subscription ({@code resource_missing}) or a license key that is not a subscription id answers
 *     {@code NotFound}; rate limiting (429), server errors (5xx), connection failures, timeouts and
 *     any unexpected answer answer {@code Unreachable}, never an invalid license. Only a blank
 *     installation id throws ({@link IllegalArgumentException}).</li>
 * <li><b>Privacy</b>: the SDK's request telemetry ({@code X-Stripe-Client-Telemetry}) is switched
 *     off process-wide ({@code Stripe.enableTelemetry = false}), and every request goes through a
 *     transport that sends only {@code Authorization}, {@code Stripe-Version}, {@code Accept},
 *     {@code Idempotency-Key}, {@code Content-Type} and a fixed {@code User-Agent}: no
 *     {@code X-Stripe-Client-User-Agent} (OS, JVM, detected AI tools) and no telemetry, whatever
 *     the global switch says. Keys are never logged nor put in a reason.</li>
 * </ul>
 */
public final class StripeLicenseServiceFactory {
    private StripeLicenseServiceFactory() {
    }

    /**
     * A new Stripe-backed license service. Does no I/O.
     *
     * @throws NullPointerException when {@code config} is null
     */
    public static LicenseService create(StripeConfig config) {
        Objects.requireNonNull(config, "config");
        return new StripeLicenseService(config);
    }
}
