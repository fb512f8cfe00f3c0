package tech.brokerbridge.core.internal.loop;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.market.MarketPrices;
import tech.brokerbridge.core.internal.proposals.CoolDowns;
import tech.brokerbridge.core.internal.proposals.RandomIds;
import tech.brokerbridge.core.internal.risk.DailyLossBreaker;
import tech.brokerbridge.core.internal.risk.KillSwitch;
import tech.brokerbridge.core.internal.risk.RiskContext;
import tech.brokerbridge.core.internal.risk.RiskContextLoader;
import tech.brokerbridge.core.internal.scoring.CandidateSelection;
import tech.brokerbridge.core.internal.scoring.CompositeScorer;
import tech.brokerbridge.core.internal.scoring.ScoredSetup;
import tech.brokerbridge.core.internal.scoring.SignalConviction;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.DecisionLog;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.ports.signals.SignalSourceException;

/**
 * One scan: read the risk context once; for each watchlist symbol read the daily bars and the
 * setups (a symbol that fails is reported in {@link ScanReport#errors()}, the scan goes on; a symbol
 * whose market data cannot be read also gets a decision with the data problem's code, e.g.
 * {@code no_market_data_permission}, and a line in health); record
 * setups on symbols already in a position, working order or proposal as {@code symbol_busy}, and
 * setups held back by the cool-down of a rejected or expired proposal as {@code suppressed}
 * ({@link CoolDowns}); score the rest, send the best to the advisor ({@link CandidateEvaluator}),
 * record every setup's decision.
 * If today's loss already reached the daily limit, the kill switch engages first and no candidate
 * goes to the advisor.
 */
public final class ScanPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ScanPipeline.class);
    private volatile ScanSettings settings;
    private final MarketData marketData;
    private final MarketPrices prices;
    private final SignalSource signals;
    private final RiskContextLoader contexts;
    private final KillSwitch killSwitch;
    private final DailyLossBreaker dailyLoss;
    private final CompositeScorer scorer;
    private final CandidateEvaluator evaluator;
    private final CoolDowns coolDowns;
    private final DecisionLog decisions;
    private final Clock clock;
    private final ScanState scans;

    public ScanPipeline(ScanSettings settings, MarketData marketData, MarketPrices prices, SignalSource signals,
            RiskContextLoader contexts, KillSwitch killSwitch, DailyLossBreaker dailyLoss, CompositeScorer scorer,
            CandidateEvaluator evaluator, CoolDowns coolDowns, DecisionLog decisions, Clock clock, ScanState scans) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.dailyLoss = Objects.requireNonNull(dailyLoss, "dailyLoss");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.coolDowns = Objects.requireNonNull(coolDowns, "coolDowns");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scans = Objects.requireNonNull(scans, "scans");
    }

    /** Replaces the settings; the next scan uses them. */
    public void settings(ScanSettings next) {
        this.settings = Objects.requireNonNull(next, "settings");
    }

    /** Runs one scan, published as {@code scan.started}, {@code scan.progress} per symbol and candidate, {@code scan.finished}. */
    public ScanReport run() {
        String scanId = RandomIds.scanId();
        Instant started = clock.instant();
        ScanSettings settings = this.settings;
        scans.started(scanId, settings.watchlist().size());
        try {
            ScanReport report = run(scanId, started, settings);
            scans.finished(report);
            return report;
        } catch (RuntimeException e) {
            scans.failed(scanId, e);
            throw e;
        }
    }

    private ScanReport run(String scanId, Instant started, ScanSettings settings) {
        RiskContext ctx = contexts.load();
        dailyLoss.trip(ctx);
        List<CoolDown> coolingDown = coolDowns.active();
        List<String> errors = new ArrayList<>();
        List<DecisionRecord> decisions = new ArrayList<>();
        Map<String, List<Bar>> bars = new HashMap<>();
        List<ScoredSetup> scored = new ArrayList<>();
        int scanned = 0;
        int total = settings.watchlist().size();
        int done = 0;
        for (String symbol : settings.watchlist()) {
            scans.progress(scanId, "reading", ++done, total, symbol);
            List<Setup> setups;
            try {
                List<Bar> b = marketData.bars(BarRequest.dailyYear(symbol));
                prices.health().read(symbol);
                setups = signals.scan(symbol, b);
                bars.put(symbol, b);
                scanned++;
            } catch (MarketDataException e) {
                errors.add(symbol + ": " + e.getMessage());
                prices.health().failed(symbol, e);
                decisions.add(record(DecisionBuilder.dataError(scanId, clock.instant(), symbol, e)));
                continue;
            } catch (SignalSourceException e) {
                errors.add(symbol + ": " + e.getMessage());
                continue;
            } catch (RuntimeException e) { // top-level per symbol: one bad symbol never stops the scan
                LOG.warn("scan of {} failed unexpectedly", symbol, e);
                errors.add(symbol + ": unexpected failure " + e.getClass().getSimpleName());
                continue;
            }
            Optional<String> busy = busyReason(symbol, ctx);
            for (Setup s : setups) {
                ScoredSetup one = score(s, setups); // a suppressed setup still counts for its siblings' conviction
                Optional<String> held = busy.isPresent() ? Optional.empty() : CoolDowns.suppression(s, coolingDown);
                if (busy.isPresent()) {
                    decisions.add(record(new DecisionBuilder(scanId, clock.instant(), one)
                            .build(Outcomes.SYMBOL_BUSY, busy.get())));
                } else if (held.isPresent()) {
                    decisions.add(record(new DecisionBuilder(scanId, clock.instant(), one)
                            .build(Outcomes.SUPPRESSED, held.get())));
                } else {
                    scored.add(one);
                }
            }
        }
        CandidateSelection selection = CandidateSelection.select(scored, settings.maxAiCandidates());
        for (CandidateSelection.Rejected r : selection.notSelected()) {
            decisions.add(record(new DecisionBuilder(scanId, clock.instant(), r.scored())
                    .build(Outcomes.NOT_SELECTED, r.reason())));
        }
        int advised = 0;
        for (ScoredSetup candidate : selection.selected()) {
            scans.progress(scanId, "advising", ++advised, selection.selected().size(), candidate.setup().symbol());
            DecisionBuilder d = new DecisionBuilder(scanId, clock.instant(), candidate);
            if (killSwitch.engaged()) {
                decisions.add(record(d.build(Outcomes.KILL_SWITCH, killSwitch.refusal())));
                continue;
            }
            CandidateEvaluator.Result result = evaluator.evaluate(candidate,
                    bars.get(candidate.setup().symbol()), ctx, d, settings);
            ctx = result.context();
            decisions.add(record(result.decision()));
        }
        return new ScanReport(scanId, started, clock.instant(), scanned, decisions, errors, prices.source());
    }

    private ScoredSetup score(Setup s, List<Setup> all) {
        double conviction = SignalConviction.of(s, all);
        return new ScoredSetup(s, conviction, scorer.score(s.evidenceStrength(), s.setupQuality(), conviction));
    }

    private DecisionRecord record(DecisionRecord d) {
        decisions.recordDecision(d);
        return d;
    }

    static Optional<String> busyReason(String symbol, RiskContext ctx) {
        if (ctx.positions().stream().anyMatch(p -> p.symbol().equals(symbol) && p.quantity() != 0)) {
            return Optional.of(symbol + " already has an open position");
        }
        if (ctx.openOrders().stream().anyMatch(o -> o.symbol().equals(symbol) && !o.state().done())) {
            return Optional.of(symbol + " already has a working order");
        }
        return ctx.pendingProposals().stream().filter(p -> p.symbol().equals(symbol)).findFirst()
                .or(() -> ctx.activeTrades().stream().filter(p -> p.symbol().equals(symbol)).findFirst())
                .map(p -> symbol + " already has proposal " + p.proposalId() + " (" + p.status().wire() + ")");
    }
}
