package tech.brokerbridge.paper;

import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.tck.MarketDataContract;

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
