package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.notify.Notifier;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.signals.SignalSource;

/** core: the desk, assembled from the ports the adapter modules bind. */
final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        // the desk serves both driving ports
        bind(TradingDesk.class).to(Desk.class);
        bind(LicenseDesk.class).to(Desk.class);
    }

    @Provides
    @Singleton
    Desk desk(Config config, Broker broker, MarketData marketData, SignalSource signals, Advisor advisor,
            Journal journal, SecretStore secrets, InstallationIdentity installation, LicenseService licenses,
            Notifier notifier, Clock clock) {
        return DeskFactory.create(DeskConfig.from(VersionInfo.version(), config),
                new DeskPorts(broker, marketData, signals, advisor, journal, secrets, installation, licenses, notifier),
                clock);
    }
}
