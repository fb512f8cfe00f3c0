package tech.brokerbridge.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.tck.LicenseServiceContract;

/** The port's contract, held by the Stripe adapter against a local Stripe-shaped server. */
class StripeLicenseServiceContractTest extends LicenseServiceContract {
    private FakeStripeServer stripe;

    @Override
    protected LicenseService newService() {
        try {
            stripe = new FakeStripeServer().acceptKey(ACCEPTED_API_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // no retries: an unreachable answer comes at once instead of after the SDK's back-off
        return StripeLicenseServiceFactory.create(new StripeConfig(stripe.base(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 0, Duration.ofMillis(10)));
    }

    @Override
    protected Provider provider() {
        return new Provider(stripe::addSubscription, stripe::down);
    }

    @AfterEach
    void stop() {
        if (stripe != null) {
            stripe.close();
        }
    }
}
