package tech.brokerbridge.ports.market;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar. {@code time} is the start of the bar's period.
 */
public record Bar(Instant time, double open, double high, double low, double close, long volume) {
    public Bar {
        Objects.requireNonNull(time, "time");
        if (!(low <= high) || low <= 0) {
            throw new IllegalArgumentException("invalid bar: low " + low + " high " + high);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("negative volume");
        }
    }
}
