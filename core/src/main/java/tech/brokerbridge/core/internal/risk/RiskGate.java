package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/**
 * One deterministic risk gate: a pure function of a trade and a {@link RiskContext}. Its name is the
 * {@link GateResult#gate()} of every result it gives (each gate's {@code NAME}).
 */
public interface RiskGate {
    /** Tolerance for comparing computed figures with a limit, so that "exactly at" is not lost to rounding. */
    double EPSILON = 1e-9;

    GateResult evaluate(TradePlan trade, RiskContext context);
}
