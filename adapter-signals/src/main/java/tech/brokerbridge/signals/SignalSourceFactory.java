package tech.brokerbridge.signals;

import java.util.Objects;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.signals.internal.PluginRegistry;
import tech.brokerbridge.signals.internal.SetupMaker;
import tech.brokerbridge.signals.internal.Ta4jSignalSource;

/**
 * Creates the scanner: a {@link SignalSource} whose plugins read ta4j indicators on daily bars.
 *
 * <p>The source is pure computation: no I/O, no clock, no blocking; the same bars always give the
 * same setups (in plugin order: breakout, breakdown, pullback_buy, pullback_sell, reversal). It is
 * immutable and thread-safe. Each plugin reports at most one setup per scan, judged on the last bar.
 * A scan needs at least 60 bars (oldest first, strictly increasing times) and throws a
 * {@link tech.brokerbridge.ports.signals.SignalSourceException} otherwise; {@code pullback_buy} and
 * {@code pullback_sell} also need 200 bars and are skipped below that. Entry is the last close, the
 * stop {@code atrStopMultiple} ATR(14)s away, the target {@code rewardRiskTarget} times the risk
 * beyond the entry, in cents.
 */
public final class SignalSourceFactory {
    private SignalSourceFactory() {
    }

    /**
     * @throws IllegalArgumentException when the config names an unknown plugin
     */
    public static SignalSource create(SignalsConfig config) {
        Objects.requireNonNull(config, "config");
        return new Ta4jSignalSource(PluginRegistry.select(config.enabledPlugins()),
                new SetupMaker(config.atrStopMultiple(), config.rewardRiskTarget()));
    }
}
