package tech.brokerbridge.ports.market;

import java.util.Locale;
import java.util.Objects;
import tech.brokerbridge.ports.PortException;

/** Technical failure of a {@link MarketData} call, with the {@link Problem} that caused it. */
public class MarketDataException extends PortException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    /** What went wrong, in the words the desk shows the user. */
    public enum Problem {
        /** The source does not know the symbol (IB 200, no such file, not a simulated symbol). */
        UNKNOWN_SYMBOL(false),
        /** The account may not see this market's data (IB 162 "no market data permissions", 354). */
        NO_MARKET_DATA_PERMISSION(false),
        /** Live data is not permitted and delayed data is not enabled either (IB 10089, 10167, 10168). */
        DELAYED_DATA_NOT_SUBSCRIBED(false),
        /** Too many requests: the source asks to slow down (IB 162 "pacing violation"). */
        PACING_VIOLATION(true),
        /** The source's data is unusable (e.g. a CSV file with a bad line). */
        INVALID_MARKET_DATA(false),
        /** The source refused the request as asked (e.g. IB 321, 366); asking again the same way will not help. */
        MARKET_DATA_REFUSED(false),
        /** The source did not answer (not connected, timed out); asking again later can help. */
        MARKET_DATA_UNAVAILABLE(true);

        private final boolean retryable;

        Problem(boolean retryable) {
            this.retryable = retryable;
        }

        /** Snake-case code for decisions and APIs, e.g. {@code no_market_data_permission}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean retryable() {
            return retryable;
        }
    }

    public MarketDataException(String message, boolean retryable, boolean unknownSymbol, Throwable cause) {
        super(message, retryable, cause);
        this.problem = unknownSymbol ? Problem.UNKNOWN_SYMBOL : Problem.MARKET_DATA_UNAVAILABLE;
    }

    public MarketDataException(Problem problem, String message, Throwable cause) {
        super(message, Objects.requireNonNull(problem, "problem").retryable(), cause);
        this.problem = problem;
    }

    public static MarketDataException unknownSymbol(String symbol) {
        return new MarketDataException("unknown symbol: " + symbol, false, true, null);
    }

    public static MarketDataException unavailable(String message, Throwable cause) {
        return new MarketDataException(message, true, false, cause);
    }

    /** True when the source does not know the symbol; asking again will not help. */
    public boolean unknownSymbol() {
        return problem == Problem.UNKNOWN_SYMBOL;
    }

    public Problem problem() {
        return problem;
    }
}
