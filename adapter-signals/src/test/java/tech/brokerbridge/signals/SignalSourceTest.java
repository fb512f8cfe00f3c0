package tech.brokerbridge.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.ports.signals.SignalSourceException;

class SignalSourceTest {
    private final SignalSource source = SignalSourceFactory.create(SignalsConfig.defaults());

    private static double evidence(Setup s, String name) {
        return s.evidence().stream().filter(e -> e.name().equals(name)).mapToDouble(Evidence::value).findFirst()
                .orElseThrow(() -> new AssertionError("no evidence " + name + " in " + s));
    }

    @Test
    void theStopIsAtrBasedAndTheTargetKeepsTheRewardToRisk() {
        Setup s = only(source.scan("BRKO", Scenarios.breakout()));
        double atr = evidence(s, "atr_14");
        assertEquals(s.entry() - 2 * atr, s.stop(), 0.011, "stop two ATRs below");
        assertTrue(s.target() - s.entry() >= 2 * (s.entry() - s.stop()) - 1e-9, "reward:risk at least 2: " + s);
        assertEquals(2 * (s.entry() - s.stop()), s.target() - s.entry(), 0.011, "and not much more");

        SignalSource wide = SignalSourceFactory.create(new SignalsConfig(SignalsConfig.ALL_PLUGINS, 1.5, 3.0));
        Setup w = only(wide.scan("BRKO", Scenarios.breakout()));
        assertEquals(w.entry() - 1.5 * atr, w.stop(), 0.011);
        assertTrue(w.target() - w.entry() >= 3 * (w.entry() - w.stop()) - 1e-9, "reward:risk at least 3: " + w);
    }

    @Test
    void shortSetupsMirrorThePrices() {
        Setup s = only(source.scan("BRKD", Scenarios.breakdown()));
        assertEquals(s.entry() + 2 * evidence(s, "atr_14"), s.stop(), 0.011);
        assertTrue(s.entry() - s.target() >= 2 * (s.stop() - s.entry()) - 1e-9);
    }

    @Test
    void evidenceValuesAreTheIndicatorsOfTheBars() {
        List<Bar> bars = Scenarios.breakout();
        Setup s = only(source.scan("BRKO", bars));
        int n = bars.size();
        double sma50 = bars.subList(n - 50, n).stream().mapToDouble(Bar::close).average().orElseThrow();
        double high20 = bars.subList(n - 21, n - 1).stream().mapToDouble(Bar::high).max().orElseThrow();
        double volume20 = bars.subList(n - 21, n - 1).stream().mapToLong(Bar::volume).average().orElseThrow();
        assertEquals(sma50, evidence(s, "sma_50"), 1e-3);
        assertEquals(high20, evidence(s, "donchian_high_20"), 1e-9);
        assertEquals(bars.get(n - 1).volume() / volume20, evidence(s, "volume_ratio"), 1e-3);
        assertEquals(bars.get(n - 1).close(), evidence(s, "close"), 1e-9);
        double rsi = evidence(s, "rsi_14");
        assertTrue(rsi > 50 && rsi < 100, "RSI after a jump up: " + rsi);
    }

    @Test
    void onlyEnabledPluginsRun() {
        SignalSource breakdownOnly = SignalSourceFactory.create(new SignalsConfig(Set.of("breakdown"), 2, 2));
        assertEquals(List.of(), breakdownOnly.scan("BRKO", Scenarios.breakout()));
        assertEquals(1, breakdownOnly.scan("BRKD", Scenarios.breakdown()).size());
        SignalSource none = SignalSourceFactory.create(new SignalsConfig(Set.of(), 2, 2));
        assertEquals(List.of(), none.scan("BRKO", Scenarios.breakout()));
    }

    @Test
    void aQuietRangeHasNoSetup() {
        assertEquals(List.of(), source.scan("FLAT", Scenarios.nothing()));
    }

    @Test
    void fewerThanSixtyBarsAreRefusedAndTheSlowPluginsWaitForTwoHundred() {
        List<Bar> bars = Scenarios.pullbackInUptrend();
        List<Bar> tail59 = bars.subList(bars.size() - 59, bars.size());
        SignalSourceException e = assertThrows(SignalSourceException.class, () -> source.scan("PBB", tail59));
        assertTrue(e.getMessage().contains("59"), e.getMessage());
        assertEquals(1, source.scan("PBB", bars).size(), "with the whole history the pullback shows");
        assertEquals(List.of(), source.scan("PBB", bars.subList(bars.size() - 150, bars.size())),
                "pullback_buy needs 200 bars and is skipped below");
        assertEquals(1, source.scan("BRKO", Scenarios.breakout().subList(21, 81)).size(), "60 bars are enough for a breakout");
    }

    @Test
    void barsWithTheSameTimeAreRefused() {
        List<Bar> bars = new ArrayList<>(Scenarios.breakout());
        Bar last = bars.get(bars.size() - 1);
        bars.set(bars.size() - 1, new Bar(bars.get(bars.size() - 2).time(), last.open(), last.high(), last.low(),
                last.close(), last.volume()));
        assertThrows(SignalSourceException.class, () -> source.scan("BRKO", bars));
    }

    @Test
    void theConfigRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SignalSourceFactory.create(
                new SignalsConfig(Set.of("breakout", "moonshot"), 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> new SignalsConfig(Set.of(), 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new SignalsConfig(Set.of(), 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalsConfig(Set.of(), Double.NaN, 2));
        assertEquals(SignalsConfig.ALL_PLUGINS, SignalsConfig.defaults().enabledPlugins());
    }

    @Test
    void randomMarketsShowEveryKindOfSetupAndKeepThePromises() {
        Map<String, List<Bar>> watchlist = SyntheticBars.watchlist(300, 252, 11);
        Set<String> types = new HashSet<>();
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        int found = 0;
        for (Map.Entry<String, List<Bar>> e : watchlist.entrySet()) {
            List<Setup> setups = source.scan(e.getKey(), e.getValue());
            assertEquals(setups, source.scan(e.getKey(), List.copyOf(e.getValue())), "deterministic");
            assertEquals(setups.stream().map(Setup::setupType).distinct().count(), setups.size(), "one setup per plugin");
            for (Setup s : setups) {
                found++;
                types.add(s.setupType());
                directions.add(s.direction());
                double risk = Math.abs(s.entry() - s.stop());
                assertTrue(Math.abs(s.target() - s.entry()) >= 2 * risk - 1e-9, "reward:risk >= 2: " + s);
                assertEquals(e.getValue().get(e.getValue().size() - 1).close(), s.entry(), 1e-9, "entry at the close");
            }
        }
        assertEquals(SignalsConfig.ALL_PLUGINS, types, "every plugin fires somewhere among " + found + " setups");
        assertEquals(EnumSet.allOf(Direction.class), directions);
    }

    private static Setup only(List<Setup> setups) {
        assertEquals(1, setups.size(), "one setup: " + setups);
        return setups.get(0);
    }
}
