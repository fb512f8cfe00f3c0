package tech.brokerbridge.core.internal.events;

import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * Watches the desk's in-memory health (broker connection, the AI provider's last call, the license
 * state) and publishes each change. Every read is in memory and never blocks, so it can run often on a
 * timer. The first run only notes the state.
 */
public final class HealthWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthWatch.class);
    private final Supplier<Health.Service> broker;
    private final Supplier<Health.Service> advisor;
    private final Supplier<LicenseState> license;
    private final EventHub hub;
    private Health.Service lastBroker;
    private Health.Service lastAdvisor;
    private LicenseState lastLicense;

    public HealthWatch(Supplier<Health.Service> broker, Supplier<Health.Service> advisor,
            Supplier<LicenseState> license, EventHub hub) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.license = Objects.requireNonNull(license, "license");
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    /** Compares with the last state seen and publishes what changed; never throws. */
    @Override
    public synchronized void run() {
        try {
            check();
        } catch (RuntimeException e) { // top-level handler of a timer task
            LOG.warn("health watch failed: {}", e.toString());
        }
    }

    private void check() {
        Health.Service b = broker.get();
        if (lastBroker != null && !b.equals(lastBroker)) {
            hub.publish((id, t) -> new DeskEvent.BrokerConnectionChanged(id, t, b.name(), b.connected(), b.message()));
        }
        lastBroker = b;
        Health.Service a = advisor.get();
        if (lastAdvisor != null && !a.equals(lastAdvisor)) {
            hub.publish((id, t) -> new DeskEvent.AdvisorStatusChanged(id, t, a.name(), a.connected(), a.message()));
        }
        lastAdvisor = a;
        LicenseState l = license.get();
        if (lastLicense != null && changed(lastLicense, l)) {
            hub.publish((id, t) -> new DeskEvent.LicenseChanged(id, t, l));
        }
        lastLicense = l;
    }

    /** A new check time alone is no change. */
    private static boolean changed(LicenseState was, LicenseState now) {
        return was.status() != now.status() || !was.reason().equals(now.reason())
                || was.liveTradingAllowed() != now.liveTradingAllowed() || !was.expiresAt().equals(now.expiresAt());
    }
}
