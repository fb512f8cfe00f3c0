package tech.brokerbridge.signals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.signals.Scenarios;

class PluginsTest {
    private static final SetupMaker MAKER = new SetupMaker(2.0, 2.0);

    private static Optional<Setup> run(String plugin, List<Bar> bars) {
        SetupPlugin p = PluginRegistry.select(Set.of(plugin)).get(0);
        return p.detect("T", new Indicators(SeriesFactory.build("T", bars, 60)), MAKER);
    }

    private static double evidence(Setup s, String name) {
        return s.evidence().stream().filter(e -> e.name().equals(name)).mapToDouble(Evidence::value).findFirst()
                .orElseThrow(() -> new AssertionError("no evidence " + name + " in " + s));
    }

    @Test
    void breakoutFiresOnAFreshCloseAboveTheRangeOnHeavyVolume() {
        Setup s = run("breakout", Scenarios.breakout()).orElseThrow();
        assertEquals(Direction.LONG, s.direction());
        assertEquals("breakout", s.setupType());
        assertEquals(104.0, s.entry());
        assertTrue(evidence(s, "close") > evidence(s, "donchian_high_20"));
        assertEquals(2.5, evidence(s, "volume_ratio"), 1e-9);
        assertTrue(s.evidenceStrength() > 0.6 && s.setupQuality() > 0.6, "a clean, strong break: " + s);
    }

    @Test
    void breakoutNeedsVolumeFreshnessAndAClose() {
        assertTrue(run("breakout", Scenarios.breakoutOnThinVolume()).isEmpty(), "thin volume");
        assertTrue(run("breakout", Scenarios.breakoutSecondDay()).isEmpty(), "second day");
        assertTrue(run("breakout", Scenarios.heavyVolumeInsideTheRange()).isEmpty(), "inside the range");
        assertTrue(run("breakout", Scenarios.breakdown()).isEmpty(), "a breakdown");
        assertTrue(run("breakout", Scenarios.nothing()).isEmpty(), "a quiet range");
    }

    @Test
    void breakdownIsTheMirror() {
        Setup s = run("breakdown", Scenarios.breakdown()).orElseThrow();
        assertEquals(Direction.SHORT, s.direction());
        assertTrue(evidence(s, "close") < evidence(s, "donchian_low_20"));
        assertTrue(run("breakdown", Scenarios.breakdownOnThinVolume()).isEmpty(), "thin volume");
        assertTrue(run("breakdown", Scenarios.breakout()).isEmpty(), "a breakout");
        assertTrue(run("breakdown", Scenarios.nothing()).isEmpty(), "a quiet range");
    }

    @Test
    void pullbackBuyFiresOnADipToTheAverageInAnUptrend() {
        Setup s = run("pullback_buy", Scenarios.pullbackInUptrend()).orElseThrow();
        assertEquals(Direction.LONG, s.direction());
        assertTrue(evidence(s, "sma_50") > evidence(s, "sma_200"), "uptrend");
        double rsi = evidence(s, "rsi_14");
        assertTrue(rsi >= 35 && rsi <= 55 && evidence(s, "rsi_14_peak_10") - rsi >= 5, "RSI cooled: " + s);
        assertTrue(Math.abs(evidence(s, "close") - evidence(s, "ema_20")) <= 0.75 * evidence(s, "atr_14"), "near the EMA");
    }

    @Test
    void pullbackBuyNeedsAnUptrendAndADip() {
        assertTrue(run("pullback_buy", Scenarios.uptrendWithoutPullback()).isEmpty(), "no dip");
        assertTrue(run("pullback_buy", Scenarios.rallyInDowntrend()).isEmpty(), "a downtrend");
        assertTrue(run("pullback_buy", Scenarios.nothing()).isEmpty(), "no trend");
    }

    @Test
    void pullbackSellIsTheMirror() {
        Setup s = run("pullback_sell", Scenarios.rallyInDowntrend()).orElseThrow();
        assertEquals(Direction.SHORT, s.direction());
        assertTrue(evidence(s, "sma_50") < evidence(s, "sma_200"), "downtrend");
        assertTrue(run("pullback_sell", Scenarios.pullbackInUptrend()).isEmpty(), "an uptrend");
    }

    @Test
    void reversalFiresOnAnOversoldTurnWithAConfirmingCandle() {
        Setup engulfing = run("reversal", Scenarios.oversoldBullishEngulfing()).orElseThrow();
        assertEquals(Direction.LONG, engulfing.direction());
        assertTrue(evidence(engulfing, "rsi_14_min_3") < 30, "was oversold");
        assertTrue(evidence(engulfing, "rsi_14") > evidence(engulfing, "rsi_14_prev"), "turning up");
        assertEquals(1.0, evidence(engulfing, "bullish_engulfing"));

        Setup hammer = run("reversal", Scenarios.oversoldHammer()).orElseThrow();
        assertEquals(1.0, evidence(hammer, "hammer"));
        assertTrue(hammer.setupQuality() < engulfing.setupQuality(), "a hammer confirms less than an engulfing day");
    }

    @Test
    void reversalNeedsTheTurn() {
        assertTrue(run("reversal", Scenarios.oversoldStillFalling()).isEmpty(), "still falling");
        assertTrue(run("reversal", Scenarios.nothing()).isEmpty(), "never oversold");
        assertTrue(run("reversal", Scenarios.breakout()).isEmpty(), "a breakout is no reversal");
    }

    @Test
    void reversalShortsAnOverboughtTurn() {
        Setup s = run("reversal", Scenarios.overboughtBearishEngulfing()).orElseThrow();
        assertEquals(Direction.SHORT, s.direction());
        assertTrue(evidence(s, "rsi_14_max_3") > 70);
        assertEquals(1.0, evidence(s, "bearish_engulfing"));
    }

    @Test
    void theRegistryMatchesThePublishedPluginNames() {
        assertEquals(tech.brokerbridge.signals.SignalsConfig.ALL_PLUGINS, PluginRegistry.names());
    }
}
