package tech.brokerbridge.core;

import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.notify.Notifier;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.signals.SignalSource;

/**
 * The driven ports a desk needs. The desk uses them but does not own them: closing the desk does not
 * close them. Every implementation must be thread-safe.
 *
 * <p>The {@code journal} is one object with all the journal's roles ({@link Journal}: proposals,
 * decisions, orders, the outbound audit, the desk's state), e.g. the one SQLite file of
 * {@code SqliteJournalFactory}; inside, each of the desk's services uses only the roles it needs.
 *
 * <p>The {@code notifier} is sent every event the desk publishes ({@link Notifier#NONE} without
 * notification channels), through a bounded buffer of its own on a desk thread.
 */
public record DeskPorts(Broker broker, MarketData marketData, SignalSource signals, Advisor advisor, Journal journal,
        SecretStore secrets, InstallationIdentity installation, LicenseService license, Notifier notifier) {
    public DeskPorts {
        Require.nonNull("broker", broker, "marketData", marketData, "signals", signals, "advisor", advisor,
                "journal", journal, "secrets", secrets, "installation", installation, "license", license,
                "notifier", notifier);
    }

    /** Without notification channels ({@link Notifier#NONE}). */
    public DeskPorts(Broker broker, MarketData marketData, SignalSource signals, Advisor advisor, Journal journal,
            SecretStore secrets, InstallationIdentity installation, LicenseService license) {
        this(broker, marketData, signals, advisor, journal, secrets, installation, license, Notifier.NONE);
    }

    /** These ports with {@code next} as the notifier. */
    public DeskPorts withNotifier(Notifier next) {
        return new DeskPorts(broker, marketData, signals, advisor, journal, secrets, installation, license, next);
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
