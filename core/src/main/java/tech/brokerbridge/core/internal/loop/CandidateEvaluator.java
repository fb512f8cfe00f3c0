package tech.brokerbridge.core.internal.loop;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.core.internal.decision.AdvisorGateway;
import tech.brokerbridge.core.internal.decision.AdvisorOutcome;
import tech.brokerbridge.core.internal.decision.DecisionRequests;
import tech.brokerbridge.core.internal.proposals.RandomIds;
import tech.brokerbridge.core.internal.proposals.ScanBars;
import tech.brokerbridge.core.internal.risk.DailyLossBreaker;
import tech.brokerbridge.core.internal.risk.PositionSizer;
import tech.brokerbridge.core.internal.risk.RiskContext;
import tech.brokerbridge.core.internal.risk.RiskGates;
import tech.brokerbridge.core.internal.risk.RiskMetricsFactory;
import tech.brokerbridge.core.internal.risk.TradePlan;
import tech.brokerbridge.core.internal.scoring.ScoredSetup;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.Setup;

/**
 * Takes one selected setup through the advisor, sizing and the gates, and makes the proposal when
 * all pass. The advisor's exchanges are in the audit before its answer is used (see
 * {@link AdvisorGateway}); a failed or rejecting advisor never yields a proposal. The advisor's
 * adjusted prices replace the setup's when present. The composite score is the one the advisor was
 * shown and judged, kept as it is on the decision and the proposal, so that a thesis quoting it
 * quotes what the desk stores; the advisor's own conviction is kept beside it.
 */
public final class CandidateEvaluator {
    private final AdvisorGateway advisor;
    private final RiskGates gates;
    private final DailyLossBreaker dailyLoss;
    private final ProposalLog proposals;
    private final Clock clock;
    private final ScanBars chartBars;
    private volatile ScanSettings settings;

    public CandidateEvaluator(AdvisorGateway advisor, RiskGates gates, DailyLossBreaker dailyLoss,
            ProposalLog proposals, Clock clock, ScanSettings settings, ScanBars chartBars) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.gates = Objects.requireNonNull(gates, "gates");
        this.dailyLoss = Objects.requireNonNull(dailyLoss, "dailyLoss");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.chartBars = Objects.requireNonNull(chartBars, "chartBars");
    }

    /** Replaces the settings; candidates evaluated from now on use them. */
    public void settings(ScanSettings next) {
        this.settings = Objects.requireNonNull(next, "settings");
    }

    /** The decision (not yet recorded) and the risk context for the next candidate. */
    record Result(DecisionRecord decision, RiskContext context) {
    }

    Result evaluate(ScoredSetup candidate, List<Bar> bars, RiskContext ctx, DecisionBuilder d) {
        AdvisorOutcome outcome = advisor.decide(
                DecisionRequests.of(candidate, bars, settings.barsForAdvisor(), RiskMetricsFactory.of(ctx)));
        if (outcome instanceof AdvisorOutcome.Failed f) {
            return new Result(d.build(f.code(), f.reason()), ctx);
        }
        Advice advice = ((AdvisorOutcome.Answered) outcome).advice();
        Setup s = candidate.setup();
        d.advice(advice);
        if (advice.verdict() == Advice.Verdict.REJECT) {
            return new Result(d.build(Outcomes.AI_REJECTED, "the advisor rejected it: " + advice.thesisSummary()), ctx);
        }
        double entry = advice.entryPrice().orElse(s.entry());
        double stop = advice.stopPrice().orElse(s.stop());
        double target = advice.targetPrice().orElse(s.target());
        PositionSizer.Size size = PositionSizer.size(entry, stop, ctx);
        TradePlan plan = new TradePlan(s.symbol(), s.direction(), entry, stop, target, size.quantity(),
                Optional.empty());
        List<GateResult> results = gates.evaluate(plan, ctx);
        d.gates(results);
        if (!RiskGates.allPassed(results)) {
            dailyLoss.trip(results);
            return new Result(d.build(Outcomes.GATES_FAILED, RiskGates.failureSummary(results)), ctx);
        }
        if (size.quantity() == 0) {
            return new Result(d.build(Outcomes.ZERO_QUANTITY, size.explanation()), ctx);
        }
        Proposal p = propose(candidate, advice, plan, results, bars);
        return new Result(d.proposal(p.proposalId()).build(Outcomes.PROPOSED, "proposed: " + size.explanation()),
                ctx.withPending(p));
    }

    private Proposal propose(ScoredSetup candidate, Advice advice, TradePlan plan, List<GateResult> results,
            List<Bar> bars) {
        Setup s = candidate.setup();
        Instant now = clock.instant();
        Proposal p = new Proposal(RandomIds.proposalId(), s.symbol(), s.direction(), s.setupType(),
                advice.conviction(), candidate.compositeScore(), plan.entry(), plan.stop(), plan.target(),
                plan.quantity(), advice.thesisSummary(), results, now, now.plus(settings.proposalTtl()), ProposalStatus.PENDING,
                List.of(new StatusChange(now, Optional.empty(), ProposalStatus.PENDING, "proposed by a scan")));
        chartBars.keep(p.proposalId(), bars); // before the save: a page told of the proposal can chart it
        proposals.saveProposal(p);
        return p;
    }
}
