package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;

/**
 * The contract every {@link LicenseService} honours, real or fake: it reports a subscription's
 * status word and bound installation as the provider has them, binds by overwriting the binding (so
 * activating on a second installation moves the license), tells an unknown subscription and a
 * refused key apart, answers {@link SubscriptionCheck.Unreachable} (never an exception) when the
 * provider cannot be reached, and never puts a key into a reason.
 *
 * <p>Extend it: {@link #newService()} is called once before each test and starts from a provider that holds
 * nothing; {@link #provider()} gives the contract the means to arrange what that provider holds. The
 * contract keeps the API keys and the subscription ids, so every implementation is held to the same.
 */
public abstract class LicenseServiceContract {
    /** The API key the provider behind {@link #newService()} must accept (and no other). */
    protected static final String ACCEPTED_API_KEY = "rk_test_contract";
    private static final String REFUSED_API_KEY = "rk_test_revoked9876";

    private final AtomicInteger subscriptions = new AtomicInteger();
    /** The service under test, from {@link #newService()} before each test. */
    private LicenseService service;

    /**
     * What the contract arranges at the provider behind the service under test.
     *
     * @param addSubscription holds an unbound subscription (id, status) with a current period end
     * @param goOffline from now on the provider cannot be reached
     */
    public record Provider(BiConsumer<String, String> addSubscription, Runnable goOffline) {
    }

    /** A service talking to a provider that holds nothing yet and accepts {@link #ACCEPTED_API_KEY}. */
    protected abstract LicenseService newService();

    /** The provider behind the service {@link #newService()} returned last. */
    protected abstract Provider provider();

    @BeforeEach
    void openService() {
        service = newService();
    }

    /** An API key the provider accepts. */
    protected final Secret validApiKey() {
        return Secret.of(ACCEPTED_API_KEY);
    }

    /** An API key the provider refuses. */
    protected final Secret refusedApiKey() {
        return Secret.of(REFUSED_API_KEY);
    }

    /** Creates an unbound subscription with that status and a current period end; returns its license key. */
    protected final Secret givenSubscription(String status) {
        String id = "sub_Contract" + subscriptions.incrementAndGet();
        provider().addSubscription().accept(id, status);
        return Secret.of(id);
    }

    /** From now on the provider cannot be reached. */
    protected final void givenProviderUnreachable() {
        provider().goOffline().run();
    }

    @Test
    void checkReportsAnUnboundActiveSubscription() {
        Secret key = givenSubscription("active");
        SubscriptionCheck.Found f = found(key);
        assertEquals(key.reveal(), f.subscriptionId());
        assertEquals("active", f.status());
        assertEquals(Optional.empty(), f.boundInstallation());
        assertTrue(f.currentPeriodEnd().isPresent(), "current period end");
    }

    @Test
    void checkPassesEveryStatusWordThrough() {
        for (String status : List.of("trialing", "past_due", "canceled", "unpaid", "incomplete",
                "incomplete_expired", "paused")) {
            Secret key = givenSubscription(status);
            SubscriptionCheck r = service.check(key, validApiKey());
            assertEquals(status, assertInstanceOf(SubscriptionCheck.Found.class, r).status());
        }
    }

    @Test
    void anUnknownSubscriptionIsNotFound() {
        givenSubscription("active");
        Secret unknown = Secret.of("sub_doesNotExist42");
        assertInstanceOf(SubscriptionCheck.NotFound.class, service.check(unknown, validApiKey()));
        assertInstanceOf(SubscriptionCheck.NotFound.class, service.bind(unknown, validApiKey(), "inst-a"));
    }

    @Test
    void aRefusedKeyIsUnauthorized() {
        Secret key = givenSubscription("active");
        assertInstanceOf(SubscriptionCheck.Unauthorized.class, service.check(key, refusedApiKey()));
        assertInstanceOf(SubscriptionCheck.Unauthorized.class, service.bind(key, refusedApiKey(), "inst-a"));
        SubscriptionCheck.Found f = found(key);
        assertEquals(Optional.empty(), f.boundInstallation(), "a refused bind changed nothing");
    }

    @Test
    void bindBindsAndLaterChecksSeeIt() {
        Secret key = givenSubscription("active");
        SubscriptionCheck.Found bound = assertInstanceOf(SubscriptionCheck.Found.class,
                service.bind(key, validApiKey(), "inst-a"));
        assertEquals(Optional.of("inst-a"), bound.boundInstallation());
        assertEquals("active", bound.status());
        SubscriptionCheck.Found seen = found(key);
        assertEquals(Optional.of("inst-a"), seen.boundInstallation());
    }

    @Test
    void bindingOnAnotherInstallationMovesTheLicense() {
        Secret key = givenSubscription("active");
        service.bind(key, validApiKey(), "inst-a");
        service.bind(key, validApiKey(), "inst-b");
        SubscriptionCheck.Found f = found(key);
        assertEquals(Optional.of("inst-b"), f.boundInstallation());
        service.bind(key, validApiKey(), "inst-a");
        f = found(key);
        assertEquals(Optional.of("inst-a"), f.boundInstallation());
    }

    @Test
    void bindingLeavesTheStatusAlone() {
        Secret key = givenSubscription("past_due");
        SubscriptionCheck.Found f = assertInstanceOf(SubscriptionCheck.Found.class,
                service.bind(key, validApiKey(), "inst-a"));
        assertEquals("past_due", f.status());
    }

    @Test
    void aBlankInstallationIsRefusedBeforeAnyCall() {
        Secret key = givenSubscription("active");
        assertThrows(IllegalArgumentException.class, () -> service.bind(key, validApiKey(), " "));
    }

    @Test
    void anUnreachableProviderIsUnreachableNeverAnException() {
        Secret key = givenSubscription("active");
        givenProviderUnreachable();
        SubscriptionCheck.Unreachable u = assertInstanceOf(SubscriptionCheck.Unreachable.class,
                service.check(key, validApiKey()));
        assertFalse(u.reason().isBlank(), "an unreachable answer says why");
        assertInstanceOf(SubscriptionCheck.Unreachable.class, service.bind(key, validApiKey(), "inst-a"));
    }

    @Test
    void reasonsNeverCarryAKey() {
        Secret key = givenSubscription("active");
        List<SubscriptionCheck> answers = new ArrayList<>();
        answers.add(service.check(Secret.of("sub_unknownCanary77"), validApiKey()));
        answers.add(service.check(key, refusedApiKey()));
        givenProviderUnreachable();
        answers.add(service.check(key, validApiKey()));
        for (SubscriptionCheck a : answers) {
            String text = a.toString();
            assertFalse(text.contains("sub_unknownCanary77"), text);
            assertFalse(text.contains(key.reveal()), text);
            assertFalse(text.contains(refusedApiKey().reveal()), text);
            assertFalse(text.contains(validApiKey().reveal()), text);
        }
    }

    @Test
    void answersManyConcurrentChecks() throws Exception {
        Secret key = givenSubscription("trialing");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SubscriptionCheck>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> service.check(key, validApiKey())));
            }
            for (Future<SubscriptionCheck> f : answers) {
                SubscriptionCheck r = f.get(30, TimeUnit.SECONDS);
                assertEquals("trialing", assertInstanceOf(SubscriptionCheck.Found.class, r).status());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the service says now about {@code key}, with the valid API key: it must be found. */
    private SubscriptionCheck.Found found(Secret key) {
        return assertInstanceOf(SubscriptionCheck.Found.class, service.check(key, validApiKey()));
    }
}
