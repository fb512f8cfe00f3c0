package tech.brokerbridge.ports.broker;

import java.util.Locale;

/** The three orders of a bracket: the entry (parent), the stop loss and the take profit. */
public enum OrderLeg {
    ENTRY, STOP_LOSS, TAKE_PROFIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
