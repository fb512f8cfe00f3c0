package tech.brokerbridge.ports.market;

import java.util.List;

/**
 * Historical price bars (driven port).
 *
 * <p>Implementations are thread-safe. {@link #bars} blocks until the bars arrive or the adapter's
 * request timeout passes (10 s unless the adapter documents otherwise); it never waits forever.
 */
public interface MarketData {
    /**
     * Bars for the request, oldest first.
     *
     * @throws MarketDataException when the bars cannot be had; {@link MarketDataException#unknownSymbol()}
     *     tells a symbol the source does not know from a transient failure
     */
    List<Bar> bars(BarRequest request);
}
