package tech.brokerbridge.signals.internal;

/** Single-candle shapes (ta4j's own hammer needs a trend context we judge with RSI instead). */
final class Candles {
    private Candles() {
    }

    /** Long lower shadow (at least twice the body), short upper shadow (at most the body). */
    static boolean hammer(Indicators in, int i) {
        return longShadow(in, i, true);
    }

    /** Long upper shadow (at least twice the body), short lower shadow (at most the body). */
    static boolean shootingStar(Indicators in, int i) {
        return longShadow(in, i, false);
    }

    /** One shadow (the lower or the upper) at least twice the body, the other at most the body. */
    private static boolean longShadow(Indicators in, int i, boolean lowerIsLong) {
        double open = in.open(i);
        double close = in.close(i);
        double body = Math.abs(close - open);
        double lower = Math.min(open, close) - in.low(i);
        double upper = in.high(i) - Math.max(open, close);
        double longer = lowerIsLong ? lower : upper;
        double shorter = lowerIsLong ? upper : lower;
        return in.high(i) > in.low(i) && longer >= 2 * body && shorter <= body && longer > 0;
    }
}
