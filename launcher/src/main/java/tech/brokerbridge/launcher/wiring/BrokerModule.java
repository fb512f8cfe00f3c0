package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.market.MarketData;

/** The broker and market data the configuration selects ({@code broker.kind}): the paper market by default. */
final class BrokerModule extends AbstractModule {
    BrokerModule(Config config) {
        // the kind is validated by the configuration; only paper exists so far
        config.text(Settings.BROKER_KIND);
    }

    @Provides
    @Singleton
    PaperMarket paperMarket(Config config, Clock clock) {
        PaperConfig d = PaperConfig.defaults();
        return PaperFactory.create(new PaperConfig(config.decimal(Settings.PAPER_STARTING_CASH), d.currency(), d.seed()),
                clock);
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
    BrokerService brokerService(PaperMarket market) {
        return BrokerService.paper(market);
    }
}
