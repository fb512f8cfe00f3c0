package tech.brokerbridge.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.tck.LicenseServiceContract;

/** The port's contract, held by the Stripe adapter against a local Stripe-shaped server. */
class StripeLicenseServiceContractTest extends LicenseServiceContract {
    private final AtomicInteger ids = new AtomicInteger();
    private FakeStripeServer stripe;

    @Override
    protected LicenseService newService() {
        try {
            stripe = new FakeStripeServer().acceptKey("rk_test_contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // no retries: an unreachable answer comes at once instead of after the SDK's back-off
        return StripeLicenseServiceFactory.create(new StripeConfig(stripe.base(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 0, Duration.ofMillis(10)));
    }

    @Override
    protected Secret validApiKey() {
        return Secret.of("rk_test_contract");
    }

    @Override
    protected Secret refusedApiKey() {
        return Secret.of("rk_test_revoked9876");
    }

    @Override
    protected Secret givenSubscription(String status) {
        String id = "sub_Contract" + ids.incrementAndGet();
        stripe.addSubscription(id, status);
        return Secret.of(id);
    }

    @Override
    protected void givenProviderUnreachable() {
        stripe.down();
    }

    @AfterEach
    void stop() {
        if (stripe != null) {
            stripe.close();
        }
    }
}
