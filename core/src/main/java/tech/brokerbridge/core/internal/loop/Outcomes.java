package tech.brokerbridge.core.internal.loop;

/**
 * The decision outcomes a scan records besides the advisor's failure codes ({@code ai_*}) and the
 * market data problems' codes ({@code MarketDataException.Problem}).
 */
final class Outcomes {
    static final String PROPOSED = "proposed";
    static final String NOT_SELECTED = "not_selected";
    static final String SYMBOL_BUSY = "symbol_busy";
    static final String SUPPRESSED = "suppressed";
    static final String KILL_SWITCH = "kill_switch_engaged";
    static final String AI_REJECTED = "ai_rejected";
    static final String GATES_FAILED = "gates_failed";
    static final String ZERO_QUANTITY = "zero_quantity";
    /** A price the desk would send is off the bounds of {@code PriceGuard}. */
    static final String PRICE_OUT_OF_BOUNDS = "price_out_of_bounds";

    private Outcomes() {
    }
}
