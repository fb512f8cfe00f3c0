package tech.brokerbridge.ports.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;
import tech.brokerbridge.ports.tck.LicenseServiceContract;

class FakeLicenseServiceContractTest extends LicenseServiceContract {
    static final Instant PERIOD_END = Instant.parse("2026-02-01T00:00:00Z");
    private final FakeLicenseService fake = new FakeLicenseService().acceptKey(ACCEPTED_API_KEY);

    @Override
    protected LicenseService newService() {
        return fake;
    }

    @Override
    protected Provider provider() {
        return new Provider((id, status) -> fake.addSubscription(id, status, PERIOD_END), () -> fake.online(false));
    }

    @Test
    void countsChecksAndBindsAndFollowsItsScript() {
        Secret key = givenSubscription("active");
        fake.bind(key, validApiKey(), "inst-a");
        fake.setStatus(key.reveal(), "canceled");
        SubscriptionCheck.Found f = assertInstanceOf(SubscriptionCheck.Found.class, fake.check(key, validApiKey()));
        assertEquals("canceled", f.status());
        assertEquals(Optional.of(PERIOD_END), f.currentPeriodEnd());
        fake.setBound(key.reveal(), Optional.empty());
        assertEquals(Optional.empty(), fake.boundTo(key.reveal()));
        fake.revokeKey(ACCEPTED_API_KEY);
        assertInstanceOf(SubscriptionCheck.Unauthorized.class, fake.check(key, validApiKey()));
        fake.acceptKey(ACCEPTED_API_KEY).remove(key.reveal());
        assertInstanceOf(SubscriptionCheck.NotFound.class, fake.check(key, validApiKey()));
        assertEquals(3, fake.checks());
        assertEquals(1, fake.binds());
        assertEquals(4, fake.calls());
    }

    @Test
    void heldCallsWaitForTheLatch() throws Exception {
        Secret key = givenSubscription("active");
        CountDownLatch release = new CountDownLatch(1);
        fake.holdCalls(release);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SubscriptionCheck> pending = pool.submit(() -> fake.check(key, validApiKey()));
            assertThrows(TimeoutException.class, () -> pending.get(50, TimeUnit.MILLISECONDS), "held");
            release.countDown();
            assertInstanceOf(SubscriptionCheck.Found.class, pending.get(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
