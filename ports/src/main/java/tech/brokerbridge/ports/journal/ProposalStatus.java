package tech.brokerbridge.ports.journal;

import java.util.Locale;

/** Lifecycle of a proposal. Which transitions are allowed is the core's business. */
public enum ProposalStatus {
    PENDING, APPROVED, REJECTED, EXECUTING, EXECUTED, EXPIRED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProposalStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
