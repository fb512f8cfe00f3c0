package tech.brokerbridge.ports.market;

import tech.brokerbridge.ports.WireName;

/** Trade direction. The wire name is {@code long} or {@code short}. */
public enum Direction implements WireName {
    LONG, SHORT;

    /** +1 for long, -1 for short: multiply a price move by it to get the trade's gain. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }

    public static Direction fromWire(String s) {
        return WireName.fromWire(Direction.class, s);
    }
}
