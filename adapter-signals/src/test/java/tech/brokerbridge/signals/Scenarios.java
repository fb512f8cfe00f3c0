package tech.brokerbridge.signals;

import java.util.List;
import tech.brokerbridge.ports.market.Bar;

/** Hand-made series that must (or must not) trigger each plugin on their last bar. */
public final class Scenarios {
    private Scenarios() {
    }

    private static BarScript quietRange() {
        return BarScript.startingAt(100).range(80, 100, 1.0); // highs stay near 101.2, lows near 98.8
    }

    /** A range, then ten sharp down days that push RSI(14) under 30. */
    private static BarScript tenSharpDownDays() {
        return BarScript.startingAt(100).range(70, 100, 1.0).move(10, -2.5, 0.3);
    }

    /** The script, then one bar whose prices are the given multiples of its last close. */
    private static List<Bar> thenBar(BarScript s, double open, double high, double low, double close,
            double volumeMultiple) {
        double c = s.lastClose();
        return s.bar(c * open, c * high, c * low, c * close, volumeMultiple).bars();
    }

    /** A tight range, then a close well above its high on 2.5 times the volume. */
    public static List<Bar> breakout() {
        return quietRange().bar(100.5, 104.2, 100.3, 104, 2.5).bars();
    }

    /** The same break on ordinary volume. */
    public static List<Bar> breakoutOnThinVolume() {
        return quietRange().bar(100.5, 104.2, 100.3, 104, 1.0).bars();
    }

    /** The second day above the range: not a fresh break any more. */
    public static List<Bar> breakoutSecondDay() {
        return quietRange().bar(100.5, 104.2, 100.3, 104, 2.5).bar(104, 105.5, 103.5, 105, 2.5).bars();
    }

    /** A close inside the range on heavy volume. */
    public static List<Bar> heavyVolumeInsideTheRange() {
        return quietRange().bar(100, 101.1, 99.5, 101, 2.5).bars();
    }

    public static List<Bar> breakdown() {
        return quietRange().bar(99.5, 99.7, 95.8, 96, 2.5).bars();
    }

    public static List<Bar> breakdownOnThinVolume() {
        return quietRange().bar(99.5, 99.7, 95.8, 96, 1.0).bars();
    }

    /** 220 days up, a four-day dip to the 20-day EMA with RSI cooling to the low 50s, a small up day. */
    public static List<Bar> pullbackInUptrend() {
        return thenBar(BarScript.startingAt(50).move(220, 0.4, 0.8).move(4, -0.9, 0.5),
                0.998, 1.006, 0.994, 1.003, 0.9);
    }

    /** The same uptrend without a dip: still at its highs, RSI hot. */
    public static List<Bar> uptrendWithoutPullback() {
        return BarScript.startingAt(50).move(226, 0.4, 0.8).bars();
    }

    /** 220 days down, a four-day rally to the 20-day EMA with RSI recovering to the high 40s. */
    public static List<Bar> rallyInDowntrend() {
        return thenBar(BarScript.startingAt(200).move(220, -0.4, 0.8).move(4, 1.1, 0.5),
                1.004, 1.008, 0.996, 1.001, 0.9);
    }

    /** A range, ten sharp down days (RSI under 30), then a bullish engulfing day. */
    public static List<Bar> oversoldBullishEngulfing() {
        return thenBar(tenSharpDownDays(), 0.99, 1.04, 0.985, 1.035, 1.6);
    }

    /** The same decline, then one more down day: no turn. */
    public static List<Bar> oversoldStillFalling() {
        return thenBar(tenSharpDownDays(), 0.995, 1.0, 0.96, 0.965, 1.6);
    }

    /** The same decline, then a hammer: a long lower shadow, the close near the high, RSI ticking up. */
    public static List<Bar> oversoldHammer() {
        return thenBar(tenSharpDownDays(), 1.0, 1.006, 0.96, 1.005, 1.2);
    }

    /** A range, ten sharp up days (RSI over 70), then a bearish engulfing day. */
    public static List<Bar> overboughtBearishEngulfing() {
        return thenBar(BarScript.startingAt(100).range(70, 100, 1.0).move(10, 2.5, 0.3),
                1.01, 1.015, 0.96, 0.965, 1.6);
    }

    /** A quiet range: nothing to see. */
    public static List<Bar> nothing() {
        return BarScript.startingAt(100).range(120, 100, 1.0).bars();
    }
}
