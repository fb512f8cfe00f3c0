package tech.brokerbridge.signals.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.ports.signals.SignalSource;

/**
 * The {@link SignalSource} on ta4j: builds one series per scan, shares its indicators between the
 * enabled plugins, and lists their setups in registry order. Immutable and thread-safe: each scan
 * has its own series and indicators.
 */
public final class Ta4jSignalSource implements SignalSource {
    /** Fewer bars than this cannot be analysed: the slowest common indicators (SMA 50, ATR, RSI) need them. */
    public static final int MIN_BARS = 60;

    private final List<SetupPlugin> plugins;
    private final SetupMaker maker;

    public Ta4jSignalSource(List<SetupPlugin> plugins, SetupMaker maker) {
        this.plugins = List.copyOf(plugins);
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    @Override
    public List<Setup> scan(String symbol, List<Bar> bars) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(bars, "bars");
        Indicators in = new Indicators(SeriesFactory.build(symbol, bars, MIN_BARS));
        List<Setup> setups = new ArrayList<>(2);
        for (SetupPlugin plugin : plugins) {
            if (in.barCount() >= plugin.minBars()) {
                plugin.detect(symbol, in, maker).ifPresent(setups::add);
            }
        }
        return List.copyOf(setups);
    }
}
