package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.signals.SignalSource;

/** core: the desk, assembled from the ports the adapter modules bind. */
final class CoreModule extends AbstractModule {
    @Provides
    @Singleton
    Desk desk(Config config, Broker broker, MarketData marketData, SignalSource signals, Advisor advisor,
            Journal journal, SecretStore secrets, InstallationIdentity installation, LicenseService licenses,
            Clock clock) {
        return DeskFactory.create(deskConfig(config),
                new DeskPorts(broker, marketData, signals, advisor, journal, secrets, installation, licenses), clock);
    }

    @Provides
    @Singleton
    TradingDesk tradingDesk(Desk desk) {
        return desk;
    }

    @Provides
    @Singleton
    LicenseDesk licenseDesk(Desk desk) {
        return desk;
    }

    static DeskConfig deskConfig(Config c) {
        DeskConfig d = DeskConfig.defaults(VersionInfo.version());
        return new DeskConfig(VersionInfo.version(), c.list(Settings.WATCHLIST),
                Duration.ofMinutes(c.integer(Settings.SCAN_INTERVAL_MINUTES)), c.integer(Settings.MAX_AI_CANDIDATES),
                new DeskConfig.ScoreWeights(c.decimal(Settings.WEIGHT_EVIDENCE), c.decimal(Settings.WEIGHT_QUALITY),
                        c.decimal(Settings.WEIGHT_CONVICTION)),
                new DeskConfig.RiskLimits(c.decimal(Settings.MAX_POSITION_SIZE_PCT), c.integer(Settings.MAX_OPEN_TRADES),
                        c.decimal(Settings.MAX_PORTFOLIO_HEAT_PCT), c.decimal(Settings.MAX_DAILY_LOSS_PCT),
                        c.decimal(Settings.MIN_REWARD_RISK), c.decimal(Settings.RISK_PER_TRADE_PCT),
                        c.decimal(Settings.MAX_PRICE_DEVIATION_PCT)),
                Duration.ofMinutes(c.integer(Settings.PROPOSAL_TTL_MINUTES)), d.barsForAdvisor(), d.evaluationPeriod())
                .withLicense(new DeskConfig.License(Duration.ofHours(c.integer(Settings.LICENSE_GRACE_HOURS)),
                        Duration.ofHours(c.integer(Settings.LICENSE_CHECK_HOURS))))
                .withProposalCooldown(Duration.ofMinutes(c.integer(Settings.PROPOSAL_COOLDOWN_MINUTES)))
                .withTradingMode(DeskConfig.TradingMode.fromWire(c.text(Settings.TRADING_MODE)));
    }
}
