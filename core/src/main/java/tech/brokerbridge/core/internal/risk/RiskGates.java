package tech.brokerbridge.core.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.journal.GateResult;

/** The five gates, run in a fixed order; every gate runs even when an earlier one fails. */
public final class RiskGates {
    private final List<RiskGate> gates = List.of(new PositionSizeGate(), new OpenTradesGate(),
            new PortfolioHeatGate(), new DailyLossGate(), new TradeSanityGate());

    public List<GateResult> evaluate(TradePlan trade, RiskContext context) {
        List<GateResult> results = new ArrayList<>(gates.size());
        for (RiskGate g : gates) {
            results.add(g.evaluate(trade, context));
        }
        return results;
    }

    public static boolean allPassed(List<GateResult> results) {
        return results.stream().allMatch(GateResult::passed);
    }

    /** True when the daily loss gate is among the failed ones: the kill switch must engage. */
    public static boolean dailyLossBreached(List<GateResult> results) {
        return dailyLossFailure(results).isPresent();
    }

    /** The failed daily loss gate's result, if it is among {@code results}. */
    public static Optional<GateResult> dailyLossFailure(List<GateResult> results) {
        return results.stream().filter(r -> r.gate().equals(DailyLossGate.NAME) && !r.passed()).findFirst();
    }

    /** The failed gates' reasons, joined. */
    public static String failureSummary(List<GateResult> results) {
        List<String> parts = new ArrayList<>();
        for (GateResult r : results) {
            if (!r.passed()) {
                parts.add(r.gate() + ": " + r.reason());
            }
        }
        return String.join("; ", parts);
    }
}
