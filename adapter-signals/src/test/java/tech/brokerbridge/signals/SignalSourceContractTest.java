package tech.brokerbridge.signals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.ports.tck.SignalSourceContract;

class SignalSourceContractTest extends SignalSourceContract {
    @Override
    protected SignalSource newSignalSource() {
        return SignalSourceFactory.create(SignalsConfig.defaults());
    }

    @Override
    protected Map<String, List<Bar>> barsWithSetups() {
        Map<String, List<Bar>> watchlist = new LinkedHashMap<>();
        watchlist.put("BRKO", Scenarios.breakout());
        watchlist.put("BRKD", Scenarios.breakdown());
        watchlist.put("PBB", Scenarios.pullbackInUptrend());
        watchlist.put("PBS", Scenarios.rallyInDowntrend());
        watchlist.put("REVL", Scenarios.oversoldBullishEngulfing());
        watchlist.put("REVS", Scenarios.overboughtBearishEngulfing());
        watchlist.putAll(SyntheticBars.watchlist(20, 252, 7));
        return watchlist;
    }
}
