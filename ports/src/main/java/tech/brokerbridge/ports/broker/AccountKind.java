package tech.brokerbridge.ports.broker;

import java.util.Locale;

/** Whether an account trades simulated money (paper) or real money (live). */
public enum AccountKind {
    PAPER, LIVE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
