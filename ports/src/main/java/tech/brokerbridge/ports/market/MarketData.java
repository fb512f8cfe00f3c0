package tech.brokerbridge.ports.market;

import java.util.List;

/**
 * Prices (driven port): historical bars, the last price, and a symbol's tick and session.
 *
 * <p>Implementations are thread-safe. {@link #bars}, {@link #quote} and {@link #instrument} block
 * until the source answers or the adapter's request timeout passes (10 s unless the adapter documents
 * otherwise); they never wait forever. {@link #source()} never blocks.
 *
 * <p>Errors: every call throws {@link MarketDataException}; its {@link MarketDataException#problem()}
 * names what went wrong (unknown symbol, no market data permission, delayed data not subscribed,
 * pacing, invalid data, unavailable), so the desk can tell the user.
 */
public interface MarketData {
    /**
     * Bars for the request, oldest first.
     *
     * @throws MarketDataException when the bars cannot be had; {@link MarketDataException#unknownSymbol()}
     *     tells a symbol the source does not know from a transient failure
     */
    List<Bar> bars(BarRequest request);

    /**
     * The symbol's last price now. A source that may not serve live prices falls back to delayed ones
     * and says so in {@link Quote#freshness()}.
     */
    Quote quote(String symbol);

    /** The symbol's price tick and whether its regular session is open now. */
    Instrument instrument(String symbol);

    /** Where the prices come from; never blocks. */
    PriceSource source();
}
