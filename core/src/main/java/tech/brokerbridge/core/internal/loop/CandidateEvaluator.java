package tech.brokerbridge.core.internal.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.core.internal.decision.AdvisorGateway;
import tech.brokerbridge.core.internal.decision.AdvisorOutcome;
import tech.brokerbridge.core.internal.decision.DecisionRequests;
import tech.brokerbridge.core.internal.market.MarketPrices;
import tech.brokerbridge.core.internal.market.PriceGuard;
import tech.brokerbridge.core.internal.market.PriceReference;
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
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.Quote;
import tech.brokerbridge.ports.signals.Setup;

/**
 * Takes one selected setup through the advisor, sizing and the gates, and makes the proposal when
 * all pass. The advisor's exchanges are in the audit before its answer is used (see
 * {@link AdvisorGateway}); a failed or rejecting advisor never yields a proposal. The advisor's
 * adjusted prices replace the setup's when present. The composite score is the one the advisor was
 * shown and judged, kept as it is on the decision and the proposal, so that a thesis quoting it
 * quotes what the desk stores; the advisor's own conviction is kept beside it.
 *
 * <p>Before the advisor is asked, the symbol's last price is read ({@link MarketPrices}: delayed when
 * live data is not permitted); with none, the decision is the data problem (e.g.
 * {@code no_market_data_permission}). The prices are rounded to the symbol's tick and must pass the
 * {@link PriceGuard} ({@code price_out_of_bounds} otherwise). The proposal keeps the price basis: the
 * source, and whether the last price was delayed.
 */
public final class CandidateEvaluator {
    private final AdvisorGateway advisor;
    private final RiskGates gates;
    private final DailyLossBreaker dailyLoss;
    private final ProposalLog proposals;
    private final MarketPrices prices;
    private final PriceGuard guard;
    private final Clock clock;
    private final ScanBars chartBars;

    public CandidateEvaluator(AdvisorGateway advisor, RiskGates gates, DailyLossBreaker dailyLoss,
            ProposalLog proposals, MarketPrices prices, PriceGuard guard, Clock clock, ScanBars chartBars) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.gates = Objects.requireNonNull(gates, "gates");
        this.dailyLoss = Objects.requireNonNull(dailyLoss, "dailyLoss");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chartBars = Objects.requireNonNull(chartBars, "chartBars");
    }

    /** The decision (not yet recorded) and the risk context for the next candidate. */
    record Result(DecisionRecord decision, RiskContext context) {
    }

    /** {@code settings} are the scan's: one scan uses the settings it started with throughout. */
    Result evaluate(ScoredSetup candidate, List<Bar> bars, RiskContext ctx, DecisionBuilder d, ScanSettings settings) {
        Quote quote;
        try {
            quote = prices.quote(candidate.setup().symbol());
        } catch (MarketDataException e) {
            return new Result(d.build(e.problem().code(), e.getMessage()), ctx);
        }
        PriceReference ref = prices.reference(quote, prices.instrument(candidate.setup().symbol()));
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
        double entry = PriceGuard.round(advice.entryPrice().orElse(s.entry()), ref.tick());
        double stop = PriceGuard.round(advice.stopPrice().orElse(s.stop()), ref.tick());
        double target = PriceGuard.round(advice.targetPrice().orElse(s.target()), ref.tick());
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
        List<PriceGuard.Violation> bad = guard.bracket(entry, stop, target, size.quantity(), ref, ctx.buyingPower());
        if (!bad.isEmpty()) {
            return new Result(d.build(Outcomes.PRICE_OUT_OF_BOUNDS, String.join("; ",
                    bad.stream().map(PriceGuard.Violation::reason).toList())), ctx);
        }
        String basis = "priced on " + ref.basis();
        Proposal p = propose(candidate, advice, plan, results, quote, basis, bars, settings.proposalTtl());
        return new Result(d.proposal(p.proposalId()).build(Outcomes.PROPOSED, "proposed: " + size.explanation()
                + "; " + basis), ctx.withPending(p));
    }

    private Proposal propose(ScoredSetup candidate, Advice advice, TradePlan plan, List<GateResult> results,
            Quote quote, String basis, List<Bar> bars, Duration ttl) {
        Setup s = candidate.setup();
        Instant now = clock.instant();
        Proposal p = new Proposal(RandomIds.proposalId(), s.symbol(), s.direction(), s.setupType(),
                advice.conviction(), candidate.compositeScore(), plan.entry(), plan.stop(), plan.target(),
                plan.quantity(), advice.thesisSummary(), results, now, now.plus(ttl), ProposalStatus.PENDING,
                List.of(new StatusChange(now, Optional.empty(), ProposalStatus.PENDING, "proposed by a scan, " + basis)),
                prices.basis(Optional.of(quote)));
        chartBars.keep(p.proposalId(), bars); // before the save: a page told of the proposal can chart it
        proposals.saveProposal(p);
        return p;
    }
}
