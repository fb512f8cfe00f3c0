package tech.brokerbridge.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;
import tech.brokerbridge.stripe.internal.StripeLicenseService;

/**
 * Issue 14.11 against the local Stripe-shaped server: two installations bind one subscription at the same
 * moment. Stripe's metadata is last-writer-wins and each write echoes itself, so trusting the echo made
 * both licensed. The read-back after the write shows whose write stood: exactly one bind is bound to its
 * own installation.
 */
class ConcurrentActivationTest {
    static final Secret SUB = Secret.of("sub_Race0001");
    static final Secret KEY = Secret.of("rk_test_Race");

    private static long updates(FakeStripeServer stripe) {
        return stripe.requests().stream().filter(r -> r.method().equals("POST")).count();
    }

    @Test
    void ofTwoBindsAtOnceExactlyOneEndsBoundToItsOwnInstallation() throws Exception {
        try (FakeStripeServer stripe = new FakeStripeServer().acceptKey(KEY.reveal())
                .addSubscription(SUB.reveal(), "active")) {
            StripeConfig config = new StripeConfig(stripe.base(), Duration.ofSeconds(2), Duration.ofSeconds(5), 0);
            // "a short delay" made deterministic: each read-back waits until both writes have landed
            StripeLicenseService.Pause untilBothWrote = d -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (updates(stripe) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5);   // poll interval of a bounded wait on the fake server's record
                }
            };
            List<String> installations = List.of("inst-A", "inst-B");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<SubscriptionCheck>> binds = new ArrayList<>();
                for (String inst : installations) {
                    LicenseService machine = new StripeLicenseService(config, untilBothWrote);
                    binds.add(pool.submit(() -> {
                        go.await();
                        return machine.bind(SUB, KEY, inst);
                    }));
                }
                go.countDown();
                int boundHere = 0;
                for (int i = 0; i < 2; i++) {
                    SubscriptionCheck.Found f = assertInstanceOf(SubscriptionCheck.Found.class,
                            binds.get(i).get(30, TimeUnit.SECONDS));
                    if (f.boundInstallation().equals(Optional.of(installations.get(i)))) {
                        boundHere++;
                    }
                }
                assertEquals(1, boundHere, "exactly one installation sees itself bound");
                String winner = stripe.metadata(SUB.reveal()).get("brokerbridge_installation");
                assertTrue(installations.contains(winner), winner);
                assertEquals(4, stripe.hits(), "a write and a read-back per bind");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aReadBackOfZeroTrustsTheEchoAndCostsOneCall() throws Exception {
        try (FakeStripeServer stripe = new FakeStripeServer().acceptKey(KEY.reveal())
                .addSubscription(SUB.reveal(), "active")) {
            StripeConfig config = new StripeConfig(stripe.base(), Duration.ofSeconds(2), Duration.ofSeconds(5), 0)
                    .withBindReadBack(Duration.ZERO);
            SubscriptionCheck.Found f = assertInstanceOf(SubscriptionCheck.Found.class,
                    StripeLicenseServiceFactory.create(config).bind(SUB, KEY, "inst-A"));
            assertEquals(Optional.of("inst-A"), f.boundInstallation());
            assertEquals(1, stripe.hits());
        }
    }
}
