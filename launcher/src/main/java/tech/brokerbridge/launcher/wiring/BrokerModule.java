package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import tech.brokerbridge.ibkr.IbkrConfig;
import tech.brokerbridge.ibkr.IbkrFactory;
import tech.brokerbridge.ibkr.IbkrGateway;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.DaemonSettings;
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
        return "ibkr".equals(config.get(DaemonSettings.BROKER_KIND)) ? new Ibkr() : new Paper();
    }

    /** adapter-paper: the paper account, kept in {@code paper-account.json} beside the journal. */
    static final class Paper extends AbstractModule {
        @Provides
        @Singleton
        Optional<IbkrGateway> pricesFromIb(Config config, Clock clock) {
            return PaperConfig.from(config).marketData() == PaperConfig.MarketDataChoice.IBKR
                    ? Optional.of(IbkrFactory.create(IbkrConfig.from(config), clock)) : Optional.empty();
        }

        @Provides
        @Singleton
        PaperMarket paperMarket(Config config, Clock clock, Optional<IbkrGateway> ib) {
            PaperConfig paper = PaperConfig.from(config).withStateDirectory(config.home());
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
            return IbkrFactory.create(IbkrConfig.from(config), clock);
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
