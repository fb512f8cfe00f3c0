package tech.brokerbridge.core.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.Proposal;

/**
 * Gate 5, trade sanity: positive prices, stop and target on the right sides of the entry,
 * reward:risk at least {@code min_reward_risk}, and no position, working order, pending proposal or
 * active trade already in that symbol (the trade's own proposal excepted).
 */
public final class TradeSanityGate implements RiskGate {
    public static final String NAME = "trade_sanity";

    @Override
    public GateResult evaluate(TradePlan t, RiskContext ctx) {
        List<String> problems = new ArrayList<>();
        boolean pricesOk = positive(t.entry()) && positive(t.stop()) && positive(t.target());
        if (!pricesOk) {
            problems.add("prices must be positive");
        }
        double risk = t.riskPerShare();
        double reward = t.rewardPerShare();
        if (pricesOk && !(risk > 0)) {
            problems.add("stop " + Figures.fmt(t.stop()) + " is on the wrong side of entry " + Figures.fmt(t.entry())
                    + " for a " + t.direction().wire() + " trade");
        }
        if (pricesOk && !(reward > 0)) {
            problems.add("target " + Figures.fmt(t.target()) + " is on the wrong side of entry "
                    + Figures.fmt(t.entry()) + " for a " + t.direction().wire() + " trade");
        }
        double rr = risk > 0 && reward > 0 ? reward / risk : 0;
        double min = ctx.limits().minRewardRisk();
        if (risk > 0 && reward > 0 && rr < min - EPSILON) {
            problems.add("reward:risk " + Figures.fmt(rr) + " is below " + Figures.fmt(min));
        }
        long position = 0;
        for (Position p : ctx.positions()) {
            if (p.symbol().equals(t.symbol())) {
                position += p.quantity();
            }
        }
        int working = 0;
        for (OrderView o : ctx.openOrders()) {
            if (o.symbol().equals(t.symbol()) && !o.state().done()) {
                working++;
            }
        }
        int pending = countOthers(ctx.pendingProposals(), t) + countOthers(ctx.activeTrades(), t);
        if (position != 0) {
            problems.add("a position of " + position + " " + t.symbol() + " is already open");
        }
        if (working > 0) {
            problems.add(working + " order legs in " + t.symbol() + " are already working");
        }
        if (pending > 0) {
            problems.add("another proposal in " + t.symbol() + " is already pending or executing");
        }
        boolean passed = problems.isEmpty();
        String reason = passed
                ? "stop and target on the right sides, reward:risk " + Figures.fmt(rr) + " >= " + Figures.fmt(min)
                        + ", nothing else in " + t.symbol()
                : String.join("; ", problems);
        return new Figures().put("entry", t.entry()).put("stop", t.stop()).put("target", t.target())
                .put("reward_risk", rr).put("min_reward_risk", min).put("position_quantity", position)
                .put("working_orders", working).put("pending_proposals", pending).result(NAME, passed, reason);
    }

    private static boolean positive(double v) {
        return v > 0 && !Double.isInfinite(v);
    }

    private static int countOthers(List<Proposal> proposals, TradePlan t) {
        int n = 0;
        for (Proposal p : proposals) {
            if (p.symbol().equals(t.symbol()) && !t.proposalId().equals(Optional.of(p.proposalId()))) {
                n++;
            }
        }
        return n;
    }
}
