package tech.brokerbridge.ports.market;

import java.util.Locale;

/** Trade direction. The wire name is {@code long} or {@code short}. */
public enum Direction {
    LONG, SHORT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** +1 for long, -1 for short: multiply a price move by it to get the trade's gain. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }

    public static Direction fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
