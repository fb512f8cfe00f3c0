package tech.brokerbridge.ports.journal;

import tech.brokerbridge.ports.WireName;

/** Lifecycle of a proposal. Which transitions are allowed is the core's business. */
public enum ProposalStatus implements WireName {
    PENDING, APPROVED, REJECTED, EXECUTING, EXECUTED, EXPIRED, FAILED;

    public static ProposalStatus fromWire(String s) {
        return WireName.fromWire(ProposalStatus.class, s);
    }
}
