package tech.brokerbridge.ports.broker;

import tech.brokerbridge.ports.WireName;

/**
 * The kind of one order: the three orders of a bracket (the entry, or parent; the stop loss; the take
 * profit), and a closing order the desk sends to reduce or flatten a position ({@link CloseOrder}).
 * A stop the desk places on its own for a position ({@link StopOrder}) is a {@code STOP_LOSS} too.
 */
public enum OrderLeg implements WireName {
    ENTRY, STOP_LOSS, TAKE_PROFIT, CLOSE;

    /** The three legs a bracket has, in their order. */
    public static final java.util.List<OrderLeg> BRACKET = java.util.List.of(ENTRY, STOP_LOSS, TAKE_PROFIT);

    /** True for the legs that protect a filled position: the stop loss and the take profit. */
    public boolean protective() {
        return this == STOP_LOSS || this == TAKE_PROFIT;
    }
}
