package tech.brokerbridge.core.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.market.Direction;

/**
 * The checks a new stop or target of a trade passes before it is sent (a modification, a re-armed
 * stop): pure functions whose results are {@link GateResult}s, like the five gates. This is the one
 * place where the desk judges a price it is about to send for a trade already open; price bounds and
 * tick rounding belong here too.
 *
 * <ul>
 * <li>{@code stop_side}: a stop below the reference price for a long (above for a short), where the
 * reference is the last price once the entry filled and the entry limit before: a stop on the other
 * side would fill at once.</li>
 * <li>{@code target_side}: a target above the reference for a long (below for a short).</li>
 * <li>{@code portfolio_heat}: a stop that widens the trade's risk may not take the risk to the stops
 * of every open trade past {@code max_portfolio_heat_pct}; a stop that tightens always passes.</li>
 * </ul>
 */
public final class LevelChecks {
    public static final String STOP_SIDE = "stop_side";
    public static final String TARGET_SIDE = "target_side";

    private LevelChecks() {
    }

    /**
     * A change of levels to judge.
     *
     * @param quantity the shares the stop protects
     * @param referencePrice the last price (entry filled) or the entry limit (not filled)
     * @param referenceName how the reference is called in the reasons, e.g. "last price"
     * @param currentStop the stop now, when there is one
     */
    public record Change(String symbol, Direction direction, long quantity, double referencePrice,
            String referenceName, OptionalDouble currentStop, OptionalDouble newStop, OptionalDouble newTarget) {
        public Change {
            Require.nonNull("symbol", symbol, "direction", direction, "referenceName", referenceName,
                    "currentStop", currentStop, "newStop", newStop, "newTarget", newTarget);
        }
    }

    /** The results of every check that applies to the change, in a stable order. */
    public static List<GateResult> evaluate(Change c, RiskContext ctx) {
        List<GateResult> results = new ArrayList<>();
        c.newStop().ifPresent(stop -> results.add(stopSide(c, stop)));
        c.newTarget().ifPresent(target -> results.add(targetSide(c, target)));
        c.newStop().ifPresent(stop -> results.add(heat(c, stop, ctx)));
        return results;
    }

    /** True when {@code next} lets the trade lose more than {@code current} does. */
    public static boolean widens(Direction direction, double current, double next) {
        return (current - next) * direction.sign() > RiskGate.EPSILON;
    }

    private static GateResult stopSide(Change c, double stop) {
        int sign = c.direction().sign();
        boolean passed = (c.referencePrice() - stop) * sign > RiskGate.EPSILON;
        String side = c.direction() == Direction.LONG ? "below" : "above";
        Figures f = new Figures().put("stop", stop).put(c.referenceName().replace(' ', '_'), c.referencePrice());
        String reason = "stop " + Figures.fmt(stop) + (passed ? " is " : " is not ") + side + " the "
                + c.referenceName() + " " + Figures.fmt(c.referencePrice()) + " of a " + c.direction().wire() + " trade"
                + (passed ? "" : ": it would fill at once");
        return new GateResult(STOP_SIDE, passed, f.map(), reason);
    }

    private static GateResult targetSide(Change c, double target) {
        int sign = c.direction().sign();
        boolean passed = (target - c.referencePrice()) * sign > RiskGate.EPSILON;
        String side = c.direction() == Direction.LONG ? "above" : "below";
        Figures f = new Figures().put("target", target).put(c.referenceName().replace(' ', '_'), c.referencePrice());
        String reason = "target " + Figures.fmt(target) + (passed ? " is " : " is not ") + side + " the "
                + c.referenceName() + " " + Figures.fmt(c.referencePrice()) + " of a " + c.direction().wire()
                + " trade";
        return new GateResult(TARGET_SIDE, passed, f.map(), reason);
    }

    private static GateResult heat(Change c, double stop, RiskContext ctx) {
        double open = PortfolioRisk.openRisk(ctx);
        boolean widening = c.currentStop().isEmpty() || widens(c.direction(), c.currentStop().getAsDouble(), stop);
        double added = c.currentStop().isEmpty() ? c.quantity() * Math.abs(c.referencePrice() - stop)
                : Math.max(0, c.quantity() * (c.currentStop().getAsDouble() - stop) * c.direction().sign());
        double total = open + added;
        double heat = ctx.pctOfNetLiq(total);
        double max = ctx.limits().maxPortfolioHeatPct();
        boolean passed = !widening || heat <= max + RiskGate.EPSILON;
        Figures f = new Figures().put("open_risk", open).put("added_risk", added).put("total_risk", total)
                .put("heat_pct", heat).put("max_portfolio_heat_pct", max);
        String reason = !widening ? "the stop tightens: no risk is added"
                : "risk to the stops with this stop " + Figures.fmt(total) + " is " + Figures.fmt(heat)
                        + "% of net liquidation" + (passed ? ", within " : ", over ") + "the limit of "
                        + Figures.fmt(max) + "%";
        return new GateResult(PortfolioHeatGate.NAME, passed, f.map(), reason);
    }
}
