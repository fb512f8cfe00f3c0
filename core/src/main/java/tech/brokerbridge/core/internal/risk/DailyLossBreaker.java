package tech.brokerbridge.core.internal.risk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.KillSwitchState.EngagedBy;

/**
 * The daily-loss policy, stated once: when today's loss reaches the limit (the {@link DailyLossGate}
 * fails), the kill switch engages, by {@link EngagedBy#DAILY_LOSS_LIMIT}, with the gate's reason, and
 * without cancelling the open brackets (their stops protect the positions). A switch already engaged
 * is left as it is. Scans, candidates and approvals all apply it through {@link #trip}.
 */
public final class DailyLossBreaker {
    private final KillSwitch killSwitch;

    public DailyLossBreaker(KillSwitch killSwitch) {
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
    }

    /**
     * Engages the kill switch when {@code results} hold a failed daily-loss gate and it is not engaged.
     *
     * @return true when the daily loss limit is reached
     * @throws tech.brokerbridge.ports.journal.JournalException when the switch's state cannot be saved
     */
    public boolean trip(List<GateResult> results) {
        Optional<GateResult> breached = RiskGates.dailyLossFailure(results);
        if (breached.isPresent() && !killSwitch.engaged()) {
            killSwitch.engage(false, EngagedBy.DAILY_LOSS_LIMIT, breached.get().reason());
        }
        return breached.isPresent();
    }

    /** {@link #trip(List)} on the daily-loss gate alone, for a context with no trade yet. */
    public boolean trip(RiskContext context) {
        return trip(List.of(new DailyLossGate().evaluate(context)));
    }
}
