package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/** One deterministic risk gate: a pure function of a trade and a {@link RiskContext}. */
public interface RiskGate {
    /** Tolerance for comparing computed figures with a limit, so that "exactly at" is not lost to rounding. */
    double EPSILON = 1e-9;

    /** The gate's name as stored in its {@link GateResult}. */
    String name();

    GateResult evaluate(TradePlan trade, RiskContext context);
}
