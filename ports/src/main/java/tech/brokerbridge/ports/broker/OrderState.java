package tech.brokerbridge.ports.broker;

import tech.brokerbridge.ports.WireName;

/** Lifecycle of one order leg at the broker. */
public enum OrderState implements WireName {
    /** Held by the broker, not yet working (a child waiting for its parent to fill). */
    PENDING,
    /** Working at the market. */
    WORKING,
    FILLED,
    CANCELLED,
    REJECTED;

    public boolean done() {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }
}
