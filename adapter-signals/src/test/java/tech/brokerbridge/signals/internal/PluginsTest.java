package tech.brokerbridge.signals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
    void breakdownIsTheMirror() {
        Setup s = run("breakdown", Scenarios.breakdown()).orElseThrow();
        assertEquals(Direction.SHORT, s.direction());
        assertTrue(evidence(s, "close") < evidence(s, "donchian_low_20"));
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
    void pullbackSellIsTheMirror() {
        Setup s = run("pullback_sell", Scenarios.rallyInDowntrend()).orElseThrow();
        assertEquals(Direction.SHORT, s.direction());
        assertTrue(evidence(s, "sma_50") < evidence(s, "sma_200"), "downtrend");
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
    void reversalShortsAnOverboughtTurn() {
        Setup s = run("reversal", Scenarios.overboughtBearishEngulfing()).orElseThrow();
        assertEquals(Direction.SHORT, s.direction());
        assertTrue(evidence(s, "rsi_14_max_3") > 70);
        assertEquals(1.0, evidence(s, "bearish_engulfing"));
    }

    /** Each plugin against series that look close to its setup, or are another plugin's, but are not its own. */
    static Stream<Arguments> seriesWithoutTheSetup() {
        return Stream.of(
                arguments("breakout", "thin volume", Scenarios.breakoutOnThinVolume()),
                arguments("breakout", "second day", Scenarios.breakoutSecondDay()),
                arguments("breakout", "inside the range", Scenarios.heavyVolumeInsideTheRange()),
                arguments("breakout", "a breakdown", Scenarios.breakdown()),
                arguments("breakout", "a quiet range", Scenarios.nothing()),
                arguments("breakdown", "thin volume", Scenarios.breakdownOnThinVolume()),
                arguments("breakdown", "a breakout", Scenarios.breakout()),
                arguments("breakdown", "a quiet range", Scenarios.nothing()),
                arguments("pullback_buy", "no dip", Scenarios.uptrendWithoutPullback()),
                arguments("pullback_buy", "a downtrend", Scenarios.rallyInDowntrend()),
                arguments("pullback_buy", "no trend", Scenarios.nothing()),
                arguments("pullback_sell", "an uptrend", Scenarios.pullbackInUptrend()),
                arguments("reversal", "still falling", Scenarios.oversoldStillFalling()),
                arguments("reversal", "never oversold", Scenarios.nothing()),
                arguments("reversal", "a breakout is no reversal", Scenarios.breakout()));
    }

    @ParameterizedTest(name = "{0}: nothing on {1}")
    @MethodSource("seriesWithoutTheSetup")
    void pluginsFindNothingWithoutTheirSetup(String plugin, String series, List<Bar> bars) {
        assertTrue(run(plugin, bars).isEmpty(), series);
    }

    @Test
    void theRegistryMatchesThePublishedPluginNames() {
        assertEquals(tech.brokerbridge.signals.SignalsConfig.ALL_PLUGINS, PluginRegistry.names());
    }
}
