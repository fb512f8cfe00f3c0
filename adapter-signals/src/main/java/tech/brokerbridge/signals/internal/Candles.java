package tech.brokerbridge.signals.internal;

/** Single-candle shapes (ta4j's own hammer needs a trend context we judge with RSI instead). */
final class Candles {
    private Candles() {
    }

    /** Long lower shadow (at least twice the body), short upper shadow (at most the body). */
    static boolean hammer(Indicators in, int i) {
        double open = in.open(i);
        double close = in.close(i);
        double body = Math.abs(close - open);
        double lower = Math.min(open, close) - in.low(i);
        double upper = in.high(i) - Math.max(open, close);
        return in.high(i) > in.low(i) && lower >= 2 * body && upper <= body && lower > 0;
    }

    /** Long upper shadow (at least twice the body), short lower shadow (at most the body). */
    static boolean shootingStar(Indicators in, int i) {
        double open = in.open(i);
        double close = in.close(i);
        double body = Math.abs(close - open);
        double lower = Math.min(open, close) - in.low(i);
        double upper = in.high(i) - Math.max(open, close);
        return in.high(i) > in.low(i) && upper >= 2 * body && lower <= body && upper > 0;
    }
}
