package tech.brokerbridge.core;

import java.util.Objects;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.signals.SignalSource;

/**
 * The driven ports a desk needs. The desk uses them but does not own them: closing the desk does not
 * close them. Every implementation must be thread-safe.
 *
 * <p>The {@code journal} is one object with all the journal's roles ({@link Journal}: proposals,
 * decisions, orders, the outbound audit, the desk's state), e.g. the one SQLite file of
 * {@code SqliteJournalFactory}; inside, each of the desk's services uses only the roles it needs.
 */
public record DeskPorts(Broker broker, MarketData marketData, SignalSource signals, Advisor advisor, Journal journal,
        SecretStore secrets, InstallationIdentity installation, LicenseService license) {
    public DeskPorts {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(advisor, "advisor");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(license, "license");
    }

    /**
     * Without a license provider ({@link NoLicenseService}): the evaluation runs, an activation is
     * refused as unreachable.
     */
    public DeskPorts(Broker broker, MarketData marketData, SignalSource signals, Advisor advisor, Journal journal,
            SecretStore secrets, InstallationIdentity installation) {
        this(broker, marketData, signals, advisor, journal, secrets, installation, NoLicenseService.INSTANCE);
    }
}
