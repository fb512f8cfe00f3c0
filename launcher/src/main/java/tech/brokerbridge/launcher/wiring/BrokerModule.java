package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tech.brokerbridge.ibkr.IbkrConfig;
import tech.brokerbridge.ibkr.IbkrFactory;
import tech.brokerbridge.ibkr.IbkrGateway;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.market.MarketData;

/**
 * The broker and market data the configuration selects with {@code broker.kind}: the paper market
 * (adapter-paper, the default) or Interactive Brokers through IB Gateway (adapter-ibkr). Only the
 * selected adapter is created, except that the paper account on IB prices
 * ({@code paper.market_data=ibkr}) reads them through an IB Gateway session of its own that never
 * sends an order.
 */
final class BrokerModule {
    private BrokerModule() {
    }

    static Module forKind(Config config) {
        return "ibkr".equals(config.text(Settings.BROKER_KIND)) ? new Ibkr() : new Paper();
    }

    /** The IB adapter's configuration from the desk's configuration. */
    static IbkrConfig ibkrConfig(Config config) {
        return IbkrConfig.defaults()
                .withHost(config.text(Settings.IBKR_HOST), config.bool(Settings.IBKR_ALLOW_REMOTE_HOST))
                .withPort(config.integer(Settings.IBKR_PORT))
                .withClientId(config.integer(Settings.IBKR_CLIENT_ID))
                .withRequestTimeout(Duration.ofSeconds(config.integer(Settings.IBKR_REQUEST_TIMEOUT_SECONDS)))
                .withAccount(config.value(Settings.IBKR_ACCOUNT).orElse(""));
    }

    /** The paper account's configuration: starting cash, state directory and price source. */
    static PaperConfig paperConfig(Config config) {
        PaperConfig d = PaperConfig.defaults();
        PaperConfig c = new PaperConfig(config.decimal(Settings.PAPER_STARTING_CASH), d.currency(), d.seed())
                .withStateDirectory(config.home());
        return switch (PaperConfig.MarketDataChoice.fromWire(config.text(Settings.PAPER_MARKET_DATA))) {
            case SIMULATED -> c;
            case IBKR -> c.withIbkrPrices();
            case CSV -> c.withCsvPrices(config.home().resolve(config.text(Settings.PAPER_CSV_FOLDER)));
        };
    }

    /** adapter-paper: the simulated account, kept in {@code paper-account.json} beside the journal. */
    static final class Paper extends AbstractModule {
        @Provides
        @Singleton
        Optional<IbkrGateway> pricesFromIb(Config config, Clock clock) {
            return paperConfig(config).marketData() == PaperConfig.MarketDataChoice.IBKR
                    ? Optional.of(IbkrFactory.create(ibkrConfig(config), clock)) : Optional.empty();
        }

        @Provides
        @Singleton
        PaperMarket paperMarket(Config config, Clock clock, Optional<IbkrGateway> ib) {
            PaperConfig paper = paperConfig(config);
            return ib.isPresent() ? PaperFactory.create(paper, clock, ib.get().marketData())
                    : PaperFactory.create(paper, clock);
        }

        @Provides
        @Singleton
        Broker broker(PaperMarket market) {
            return market.broker();
        }

        @Provides
        @Singleton
        MarketData marketData(PaperMarket market) {
            return market.marketData();
        }

        @Provides
        @Singleton
        BrokerService brokerService(PaperMarket market, Optional<IbkrGateway> ib) {
            return BrokerService.paper(market, ib);
        }
    }

    /** adapter-ibkr: the TWS socket protocol to IB Gateway / TWS on this machine. */
    static final class Ibkr extends AbstractModule {
        @Provides
        @Singleton
        IbkrGateway gateway(Config config, Clock clock) {
            return IbkrFactory.create(ibkrConfig(config), clock);
        }

        @Provides
        @Singleton
        Broker broker(IbkrGateway gateway) {
            return gateway.broker();
        }

        @Provides
        @Singleton
        MarketData marketData(IbkrGateway gateway) {
            return gateway.marketData();
        }

        @Provides
        @Singleton
        BrokerService brokerService(IbkrGateway gateway) {
            return BrokerService.ibkr(gateway);
        }
    }
}
