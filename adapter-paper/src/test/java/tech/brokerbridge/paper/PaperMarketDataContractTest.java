package tech.brokerbridge.paper;

import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.tck.MarketDataContract;

/**
 * The MarketData contract on the paper market's simulated prices; the subclasses run it on the other
 * price sources, each with MSFT's daily bars.
 */
class PaperMarketDataContractTest extends MarketDataContract {
    @Override
    protected MarketData newMarketData() {
        return PaperFactory.create(PaperConfig.defaults(), PaperBrokerContractTest.CLOCK).marketData();
    }

    @Override
    protected String knownSymbol() {
        return "MSFT";
    }

    @Override
    protected String unknownSymbol() {
        return "not a ticker";
    }
}
