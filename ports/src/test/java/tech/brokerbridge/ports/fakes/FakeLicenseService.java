package tech.brokerbridge.ports.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;

/**
 * An in-memory license provider playing Stripe: subscriptions with a status, a bound installation
 * and a period end, the API keys it accepts, and an on/off network. It counts every call. One
 * instance shared by two desks plays one Stripe account seen from two machines.
 *
 * <p>Thread-safe. {@link #holdCalls(CountDownLatch)} makes calls wait (at most 10 s) so tests can
 * see what happens while a check is in flight.
 */
public final class FakeLicenseService implements LicenseService {
    private final Map<String, Sub> subscriptions = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private volatile boolean online = true;
    private volatile CountDownLatch hold;

    private record Sub(String status, Optional<String> bound, Optional<Instant> periodEnd) {
    }

    /** Accepts this API key from now on. */
    public synchronized FakeLicenseService acceptKey(String apiKey) {
        keys.add(Objects.requireNonNull(apiKey, "apiKey"));
        return this;
    }

    /** Refuses this API key from now on (revoked). */
    public synchronized FakeLicenseService revokeKey(String apiKey) {
        keys.remove(apiKey);
        return this;
    }

    /** Adds (or replaces) an unbound subscription. */
    public synchronized FakeLicenseService addSubscription(String id, String status, Instant periodEnd) {
        subscriptions.put(id, new Sub(status, Optional.empty(), Optional.of(periodEnd)));
        return this;
    }

    /** Changes the status of a subscription, e.g. to {@code canceled}. */
    public synchronized void setStatus(String id, String status) {
        Sub s = existing(id);
        subscriptions.put(id, new Sub(status, s.bound(), s.periodEnd()));
    }

    /** Changes the bound installation as someone editing the metadata at the provider would. */
    public synchronized void setBound(String id, Optional<String> installationId) {
        Sub s = existing(id);
        subscriptions.put(id, new Sub(s.status(), installationId, s.periodEnd()));
    }

    /** Deletes the subscription. */
    public synchronized void remove(String id) {
        subscriptions.remove(id);
    }

    public synchronized Optional<String> boundTo(String id) {
        return existing(id).bound();
    }

    /** Network up ({@code true}) or down: while down every call answers {@link SubscriptionCheck.Unreachable}. */
    public void online(boolean up) {
        this.online = up;
    }

    /** Calls wait for this latch (at most 10 s) before answering; {@code null} stops holding. */
    public void holdCalls(CountDownLatch latch) {
        this.hold = latch;
    }

    public int checks() {
        return checks.get();
    }

    public int binds() {
        return binds.get();
    }

    /** Checks plus binds. */
    public int calls() {
        return checks.get() + binds.get();
    }

    @Override
    public SubscriptionCheck check(Secret licenseKey, Secret apiKey) {
        checks.incrementAndGet();
        waitIfHeld();
        synchronized (this) {
            return answer(licenseKey, apiKey).orElseGet(() -> found(licenseKey.reveal()));
        }
    }

    @Override
    public SubscriptionCheck bind(Secret licenseKey, Secret apiKey, String installationId) {
        if (installationId == null || installationId.isBlank()) {
            throw new IllegalArgumentException("installationId is blank");
        }
        binds.incrementAndGet();
        waitIfHeld();
        synchronized (this) {
            Optional<SubscriptionCheck> refused = answer(licenseKey, apiKey);
            if (refused.isPresent()) {
                return refused.get();
            }
            setBound(licenseKey.reveal(), Optional.of(installationId));
            return found(licenseKey.reveal());
        }
    }

    private Optional<SubscriptionCheck> answer(Secret licenseKey, Secret apiKey) {
        if (!online) {
            return Optional.of(new SubscriptionCheck.Unreachable("the network is down (fake)"));
        }
        if (!keys.contains(apiKey.reveal())) {
            return Optional.of(new SubscriptionCheck.Unauthorized("the API key was refused (fake)"));
        }
        if (!subscriptions.containsKey(licenseKey.reveal())) {
            return Optional.of(new SubscriptionCheck.NotFound("no such subscription (fake)"));
        }
        return Optional.empty();
    }

    private SubscriptionCheck found(String id) {
        Sub s = existing(id);
        return new SubscriptionCheck.Found(id, s.status(), s.bound(), s.periodEnd());
    }

    private Sub existing(String id) {
        Sub s = subscriptions.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no subscription " + id + " in the fake");
        }
        return s;
    }

    private void waitIfHeld() {
        CountDownLatch latch = hold;
        if (latch == null) {
            return;
        }
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
