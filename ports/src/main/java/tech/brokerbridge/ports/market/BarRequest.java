package tech.brokerbridge.ports.market;

import java.time.Period;
import tech.brokerbridge.ports.Require;

/**
 * A request for historical bars: symbol, how far back, and bar size. The bars returned end at the
 * latest completed bar.
 */
public record BarRequest(String symbol, Period lookback, BarSize barSize) {
    public BarRequest {
        Require.nonNull("symbol", symbol, "lookback", lookback, "barSize", barSize);
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("blank symbol");
        }
    }

    /** One year of daily bars, the scan's default. */
    public static BarRequest dailyYear(String symbol) {
        return new BarRequest(symbol, Period.ofYears(1), BarSize.ONE_DAY);
    }
}
