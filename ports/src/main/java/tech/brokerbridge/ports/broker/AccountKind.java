package tech.brokerbridge.ports.broker;

import tech.brokerbridge.ports.WireName;

/** Whether an account trades simulated money (paper) or real money (live). */
public enum AccountKind implements WireName {
    PAPER, LIVE;
}
