package tech.brokerbridge.ibkr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import tech.brokerbridge.ibkr.fake.Bars;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.tck.MarketDataContract;

/** The MarketData contract, against the adapter connected to the fake IB Gateway over loopback. */
class IbkrMarketDataContractTest extends MarketDataContract {
    private Rig rig;

    @Override
    protected MarketData newMarketData() {
        FakeGateway gw = new FakeGateway();
        // two years of weekday bars up to the last session before the rig's clock (2026-03-02)
        gw.bars.put("AAPL", Bars.daily(LocalDate.of(2026, 2, 27), 520, 150.0));
        try {
            rig = Rig.connected(gw, s -> s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rig.market;
    }

    @Override
    protected String knownSymbol() {
        return "AAPL";
    }

    @Override
    protected String unknownSymbol() {
        return "NOSUCH";
    }

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }
}
