package tech.brokerbridge.ibkr.internal.error;

import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.market.MarketDataException;

/**
 * A failed request to the gateway, inside the adapter. The facades turn it into the port's
 * exception ({@link #toBroker()}, {@link #toMarketData()}); it never crosses a port itself.
 */
public final class GatewayException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        TIMEOUT, NOT_CONNECTED, UNKNOWN_CONTRACT, PACING, REFUSED,
        /** Live market data is not permitted (delayed data may be). */
        NO_MARKET_DATA_PERMISSION,
        /** Live data is not permitted; delayed data is available. */
        DELAYED_DATA_AVAILABLE,
        /** Neither live nor delayed data is enabled. */
        DELAYED_DATA_NOT_ENABLED
    }

    private final Reason reason;

    public GatewayException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason == Reason.TIMEOUT || reason == Reason.NOT_CONNECTED || reason == Reason.PACING;
    }

    public static GatewayException timeout(String what, long millis) {
        return new GatewayException(Reason.TIMEOUT, "timed out after " + millis + " ms: " + what);
    }

    public static GatewayException notConnected(String message) {
        return new GatewayException(Reason.NOT_CONNECTED, message);
    }

    public BrokerException toBroker() {
        return new BrokerException(getMessage(), retryable(), this);
    }

    public MarketDataException toMarketData() {
        MarketDataException.Problem problem = switch (reason) {
            case UNKNOWN_CONTRACT -> MarketDataException.Problem.UNKNOWN_SYMBOL;
            case PACING -> MarketDataException.Problem.PACING_VIOLATION;
            case NO_MARKET_DATA_PERMISSION -> MarketDataException.Problem.NO_MARKET_DATA_PERMISSION;
            case DELAYED_DATA_AVAILABLE, DELAYED_DATA_NOT_ENABLED -> MarketDataException.Problem.DELAYED_DATA_NOT_SUBSCRIBED;
            case REFUSED -> MarketDataException.Problem.MARKET_DATA_REFUSED;
            case TIMEOUT, NOT_CONNECTED -> MarketDataException.Problem.MARKET_DATA_UNAVAILABLE;
        };
        return new MarketDataException(problem, getMessage(), this);
    }
}
