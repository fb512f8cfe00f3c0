package tech.brokerbridge.ports.market;

import tech.brokerbridge.ports.PortException;

/** Technical failure of a {@link MarketData} call. */
public class MarketDataException extends PortException {
    private static final long serialVersionUID = 1L;
    private final boolean unknownSymbol;

    public MarketDataException(String message, boolean retryable, boolean unknownSymbol, Throwable cause) {
        super(message, retryable, cause);
        this.unknownSymbol = unknownSymbol;
    }

    public static MarketDataException unknownSymbol(String symbol) {
        return new MarketDataException("unknown symbol: " + symbol, false, true, null);
    }

    public static MarketDataException unavailable(String message, Throwable cause) {
        return new MarketDataException(message, true, false, cause);
    }

    /** True when the source does not know the symbol; asking again will not help. */
    public boolean unknownSymbol() {
        return unknownSymbol;
    }
}
