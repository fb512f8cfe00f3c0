package tech.brokerbridge.ports.signals;

import java.util.List;
import tech.brokerbridge.ports.market.Bar;

/**
 * Turns a symbol's bars into setups with evidence (driven port). Pure computation: no I/O, no
 * clock; the same bars always give the same setups. Thread-safe.
 */
public interface SignalSource {
    /**
     * Setups found in the bars (oldest first), possibly none.
     *
     * @throws SignalSourceException when the bars cannot be analysed (too few, inconsistent)
     */
    List<Setup> scan(String symbol, List<Bar> bars);
}
