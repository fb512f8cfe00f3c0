package tech.brokerbridge.signals.internal;

import java.util.Optional;
import tech.brokerbridge.ports.signals.Setup;

/** One kind of setup. Stateless: plugins are shared by every scan and every thread. */
public interface SetupPlugin {
    /** The setup type it finds, e.g. {@code breakout}. */
    String name();

    /** Bars it needs before it can judge; with fewer it is skipped. */
    int minBars();

    /** The setup on the last bar, if there is one. */
    Optional<Setup> detect(String symbol, Indicators in, SetupMaker maker);
}
