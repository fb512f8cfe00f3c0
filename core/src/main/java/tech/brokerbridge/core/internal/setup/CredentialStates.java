package tech.brokerbridge.core.internal.setup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.core.CredentialBook;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.setup.AdvisorObservation;
import tech.brokerbridge.ports.setup.CredentialProbes;
import tech.brokerbridge.ports.setup.CredentialStatus;

/**
 * Each provider's credential state: the vault's answer ({@link CredentialBook}), refined by what the
 * running desk knows. The running AI provider's saved key is {@code connected} when its last call
 * succeeded and {@code error} ("unauthorized") when the provider refused it; a key saved since that
 * last call shows {@code saved} until the provider is called again. {@code ibkr} follows the broker
 * connection when the desk trades through IB; {@code stripe} follows the license state.
 */
final class CredentialStates {
    private final CredentialBook book;
    private final CredentialProbes probes;
    private final TradingDesk desk;
    private final String runningBroker;
    /** The advisor's state when a key was saved, per provider: older news than the key. */
    private final Map<String, AdvisorObservation> savedAt = new ConcurrentHashMap<>();

    CredentialStates(CredentialBook book, CredentialProbes probes, TradingDesk desk, String runningBroker) {
        this.book = book;
        this.probes = probes;
        this.desk = desk;
        this.runningBroker = runningBroker;
    }

    /** Call after saving a key, so that the advisor's older failure is not shown against it. */
    void saved(String provider) {
        savedAt.put(provider, probes.advisor());
    }

    Map<String, CredentialStatus> all() {
        Map<String, CredentialStatus> out = new LinkedHashMap<>();
        book.stored().forEach((p, stored) -> out.put(p, refine(p, stored)));
        return out;
    }

    private CredentialStatus refine(String provider, CredentialStatus stored) {
        if (provider.equals("ibkr")) {
            return ibkr(stored);
        }
        if (stored.state() != CredentialStatus.State.SAVED) {
            return stored;
        }
        if (provider.equals("stripe")) {
            return stripe(desk.license(), stored);
        }
        AdvisorObservation now = probes.advisor();
        if (!provider.equals(now.provider())) {
            return stored;
        }
        if (now.equals(savedAt.get(provider))) {
            return new CredentialStatus(CredentialStatus.State.SAVED, "saved; not used since");
        }
        if (now.failure().filter(k -> k == AdvisorException.Kind.UNAUTHORIZED).isPresent()) {
            return new CredentialStatus(CredentialStatus.State.ERROR, "unauthorized");
        }
        if (now.connected()) {
            return new CredentialStatus(CredentialStatus.State.CONNECTED, "last call ok");
        }
        return now.failure().map(k -> new CredentialStatus(CredentialStatus.State.SAVED, "saved; the last call failed: "
                + k.code())).orElse(new CredentialStatus(CredentialStatus.State.SAVED, "saved; not used yet"));
    }

    private CredentialStatus ibkr(CredentialStatus stored) {
        if (stored.state() == CredentialStatus.State.UNDECRYPTABLE || !runningBroker.equals("ibkr")) {
            return stored;
        }
        Health.Service broker = desk.health().broker();
        return broker.connected() ? new CredentialStatus(CredentialStatus.State.CONNECTED, "connected to IB Gateway")
                : new CredentialStatus(CredentialStatus.State.ERROR, broker.message());
    }

    private static CredentialStatus stripe(LicenseState license, CredentialStatus stored) {
        return switch (license.status()) {
            case LICENSED -> new CredentialStatus(CredentialStatus.State.CONNECTED, "license active");
            case INVALID -> new CredentialStatus(CredentialStatus.State.ERROR, license.reason());
            default -> stored;
        };
    }
}
