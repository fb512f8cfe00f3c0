package tech.brokerbridge.ports.fakes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.ports.tck.SignalSourceContract;

/** The SignalSource contract, against the scripted fake the core's tests use. */
class FakeSignalSourceContractTest extends SignalSourceContract {
    private static final Instant END = Instant.parse("2026-03-18T00:00:00Z");

    @Override
    protected SignalSource newSignalSource() {
        return new FakeSignalSource()
                .script("AAPL", new Setup("AAPL", "breakout", Direction.LONG,
                        List.of(new Evidence("volume_ratio", 1.8, "1.8x the 20-day average")), 0.7, 0.6, 101, 97, 109))
                .script("MSFT", new Setup("MSFT", "breakdown", Direction.SHORT,
                        List.of(new Evidence("close_vs_low", -0.4, "0.4 ATR under the 20-day low")), 0.5, 0.5, 99, 103, 91));
    }

    @Override
    protected Map<String, List<Bar>> barsWithSetups() {
        Map<String, List<Bar>> watchlist = new LinkedHashMap<>();
        watchlist.put("AAPL", FakeMarketData.series(252, 100, END));
        watchlist.put("MSFT", FakeMarketData.series(252, 100, END));
        return watchlist;
    }
}
