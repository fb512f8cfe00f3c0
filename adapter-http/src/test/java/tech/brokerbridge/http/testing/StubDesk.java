package tech.brokerbridge.http.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.desk.TradeSummary;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.Portfolio;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.events.DeskEventListener;
import tech.brokerbridge.ports.events.EventSubscription;
import tech.brokerbridge.ports.fakes.FakeDeskEvents;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * A programmable {@link TradingDesk} for the HTTP adapter's tests: canned answers, recorded calls,
 * a latch to hold a scan in flight, and a failure to throw on demand. Thread-safe.
 */
public final class StubDesk implements TradingDesk {
    public static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    public static final String ID = "prp-0123456789ab";

    public volatile Health health = health(false, false);
    public volatile LicenseState license = license(LicenseStatus.EVALUATION, "evaluation: 14 days left");
    public final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
    public volatile BiFunction<String, Modification, ActionResult> onApprove =
            (id, m) -> Optional.ofNullable(proposals.get(id)).<ActionResult>map(p -> new ActionResult.Done(p.withStatus(ProposalStatus.APPROVED,
                    T0, "approved by the user"))).orElse(new ActionResult.NotFound(id));
    public volatile BiFunction<String, Optional<String>, ActionResult> onReject =
            (id, r) -> Optional.ofNullable(proposals.get(id)).<ActionResult>map(p -> new ActionResult.Done(p.withStatus(ProposalStatus.REJECTED,
                    T0, r.orElse("rejected by the user")))).orElse(new ActionResult.NotFound(id));
    public volatile ProposalPage page = null;
    public volatile List<ApprovalRecord> approvals = List.of();
    public volatile RuntimeException failure;
    public volatile boolean killSwitch;
    public volatile boolean loop;
    public volatile CountDownLatch holdScan;
    public final CountDownLatch scanEntered = new CountDownLatch(1);
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile ProposalQuery lastQuery;
    /** The looking-after-trades part: canned views and answers. */
    public final StubPositions trades = new StubPositions();
    /** The desk's events: tests publish to it by hand. */
    public final FakeDeskEvents events = new FakeDeskEvents(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));

    public StubDesk() {
        proposals.put(ID, sampleProposal(ID));
    }

    @Override
    public Health health() {
        return health;
    }

    @Override
    public Optional<List<tech.brokerbridge.ports.market.Bar>> proposalBars(String proposalId) {
        calls.add("bars " + proposalId);
        if (!proposals.containsKey(proposalId)) {
            return Optional.empty();
        }
        List<tech.brokerbridge.ports.market.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bars.add(new tech.brokerbridge.ports.market.Bar(T0.minus(Duration.ofDays(3 - i)), 100 + i, 101.5 + i,
                    99.25 + i, 100.75 + i, 1_000_000 + i));
        }
        return Optional.of(bars);
    }

    @Override
    public EventSubscription subscribe(DeskEventListener listener) {
        return events.subscribe(listener);
    }

    @Override
    public LicenseState license() {
        return license;
    }

    @Override
    public ScanReport scanNow() {
        calls.add("scanNow");
        scanEntered.countDown();
        CountDownLatch hold = holdScan;
        if (hold != null) {
            try {
                if (!hold.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("scan held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        failIfAsked();
        return new ScanReport("scan-1", T0, T0.plusSeconds(2), 20, List.of(sampleDecision()), List.of("ZZZ: no bars"),
                SIMULATED);
    }

    @Override
    public ProposalPage proposals(ProposalQuery query) {
        lastQuery = query;
        failIfAsked();
        if (page != null) {
            return page;
        }
        List<Proposal> all = new ArrayList<>(proposals.values());
        return new ProposalPage(all.subList(0, Math.min(all.size(), query.limit())), Optional.of("c-2"));
    }

    @Override
    public Optional<Proposal> proposal(String proposalId) {
        calls.add("proposal " + proposalId);
        failIfAsked();
        return Optional.ofNullable(proposals.get(proposalId));
    }

    @Override
    public ActionResult approve(String proposalId, Modification modification) {
        calls.add("approve " + proposalId + " " + modification);
        failIfAsked();
        return onApprove.apply(proposalId, modification);
    }

    @Override
    public ActionResult reject(String proposalId, Optional<String> reason) {
        calls.add("reject " + proposalId + " " + reason);
        failIfAsked();
        return onReject.apply(proposalId, reason);
    }

    @Override
    public Portfolio portfolio() {
        failIfAsked();
        return new Portfolio("paper", new AccountSnapshot("USD", 100_000, 90_000, 180_000, 90_000, 250, 0, 250, T0),
                List.of(new Position("AAPL", 10, 180.5, 185.0, 45.0, 0)));
    }

    @Override
    public List<OrderRecord> orders(int limit) {
        calls.add("orders " + limit);
        failIfAsked();
        return List.of(new OrderRecord(ID, "AAPL", Direction.LONG, 10, 180.0, 175.0, 195.0, OrderRecord.State.ACCEPTED,
                List.of("101", "102", "103"), "accepted", T0, T0));
    }

    @Override
    public List<DecisionRecord> decisions(LocalDate day) {
        calls.add("decisions " + day);
        failIfAsked();
        return List.of(sampleDecision());
    }

    @Override
    public List<ApprovalRecord> approvals() {
        failIfAsked();
        return approvals;
    }

    @Override
    public List<NotificationExchange> notificationAudit(int limit) {
        calls.add("notificationAudit " + limit);
        failIfAsked();
        return List.of(new NotificationExchange(T0, "ntfy", "ntfy.example.org", "proposal", "AAPL long",
                NotificationExchange.Outcome.SENT, "HTTP 200"));
    }

    @Override
    public List<ChannelTest> testNotifications(Optional<String> channel) {
        calls.add("testNotifications " + channel.orElse("*"));
        failIfAsked();
        return channel.filter(c -> !c.equals("ntfy")).isPresent() ? List.of()
                : List.of(new ChannelTest("ntfy", "ntfy.example.org", true, "HTTP 200"));
    }

    @Override
    public List<AiExchange> aiAudit(int limit) {
        calls.add("aiAudit " + limit);
        failIfAsked();
        return List.of(new AiExchange(T0, "rules", "offline-rules-1", "local:rules", "{\"symbol\":\"AAPL\"}", 200,
                "{\"verdict\":\"approve\"}", Duration.ofMillis(3), OptionalLong.empty(), OptionalLong.of(12)));
    }

    @Override
    public boolean startTrading() {
        calls.add("startTrading");
        failIfAsked();
        if (killSwitch) {
            return false;
        }
        loop = true;
        return true;
    }

    @Override
    public void stopTrading() {
        calls.add("stopTrading");
        loop = false;
    }

    @Override
    public KillSwitchOutcome engageKillSwitch(KillSwitchRequest request) {
        calls.add("engageKillSwitch " + request.cancelOpenOrders() + " " + request.reason()
                + (request.flatten() ? " flatten" : ""));
        killSwitch = true;
        loop = false;
        KillSwitchOutcome out = trades.engage(request);
        return request.cancelOpenOrders() && out.cancelledLegs() == 0
                ? new KillSwitchOutcome(3, List.of(ID), List.of(), out.flattened(), out.problems()) : out;
    }

    @Override
    public List<PositionView> positions() {
        return trades.positions();
    }

    @Override
    public TradeActionResult closePosition(String symbol, CloseRequest request) {
        calls.add("closePosition " + symbol);
        return trades.closePosition(symbol, request);
    }

    @Override
    public TradeActionResult cancelOrder(String orderRef, ActionOptions options) {
        calls.add("cancelOrder " + orderRef);
        return trades.cancelOrder(orderRef, options);
    }

    @Override
    public TradeActionResult modifyOrder(String orderRef, ModifyRequest request) {
        calls.add("modifyOrder " + orderRef);
        return trades.modifyOrder(orderRef, request);
    }

    @Override
    public TradeActionResult rearmStop(String symbol, ActionOptions options) {
        calls.add("rearmStop " + symbol);
        return trades.rearmStop(symbol, options);
    }

    /** The canned brackets, or else the orders as brackets without legs (their state from the record). */
    @Override
    public List<BracketView> brackets(int limit) {
        List<BracketView> canned = trades.brackets(limit);
        if (!canned.isEmpty()) {
            return canned;
        }
        return orders(limit).stream().map(o -> new BracketView(o, List.of(), o.state() == OrderRecord.State.ACCEPTED
                ? BracketView.State.WORKING : BracketView.State.valueOf(o.state().name()), Optional.empty())).toList();
    }

    @Override
    public List<ClosedTrade> closedTrades(Instant from, Instant to) {
        return trades.closedTrades(from, to);
    }

    @Override
    public TradeSummary tradeSummary() {
        return trades.tradeSummary();
    }

    @Override
    public void releaseKillSwitch() {
        calls.add("releaseKillSwitch");
        killSwitch = false;
    }

    private void failIfAsked() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** The price source the stub desk names. */
    public static final PriceSource SIMULATED = new PriceSource("simulated", true, "simulated prices (not real quotes)");

    public static Health health(boolean loop, boolean kill) {
        return new Health("ok", "1.2.3-test", loop, kill, new Health.Service("paper", true, "simulated account"),
                new Health.Service("rules", true, "offline rules advisor"), LicenseStatus.EVALUATION,
                new Health.Secrets("encrypted-file", true, Optional.of("no OS keyring; using the encrypted file")),
                Optional.empty(), Optional.empty(), false, List.of(),
                new Health.MarketDataStatus(SIMULATED, List.of(), List.of()),
                new Health.AccountStatus(Optional.of("paper"), "paper", "paper", true,
                        "trading_mode is paper and the account (paper) is a paper account: orders may be sent", List.of()));
    }

    public static LicenseState license(LicenseStatus status, String reason) {
        return new LicenseState(status, reason, status == LicenseStatus.LICENSED, Optional.of(T0.plusSeconds(86_400)),
                Optional.empty(), Optional.of(T0), "inst-abc123");
    }

    public static GateResult gate(String name, boolean passed, double value, double limit) {
        Map<String, Double> compared = new LinkedHashMap<>();
        compared.put("value", value);
        compared.put("limit", limit);
        return new GateResult(name, passed, compared, passed ? "within limit" : "over the limit");
    }

    public static Proposal sampleProposal(String id) {
        List<GateResult> gates = List.of(gate("max_position_size_pct", true, 1.8, 5.0),
                gate("max_open_trades", true, 1, 5), gate("max_portfolio_heat_pct", true, 0.5, 6.0),
                gate("max_daily_loss_pct", true, 0.1, 2.0), gate("trade_sanity", true, 3.0, 1.5));
        return new Proposal(id, "AAPL", Direction.LONG, "breakout", 0.72, 0.81, 180.0, 175.0, 195.0, 10,
                "Breakout above the 20-day high on volume.", gates, T0, T0.plusSeconds(1800), ProposalStatus.PENDING,
                List.of(new StatusChange(T0, Optional.empty(), ProposalStatus.PENDING, "proposed")));
    }

    public static DecisionRecord sampleDecision() {
        return new DecisionRecord("dec-1", T0, "scan-1", "AAPL", Direction.LONG, "breakout",
                List.of(new Evidence("rsi_14", 61.2, "momentum")), 0.7, 0.8, 0.81, "proposed", "all gates passed",
                Optional.of("approve"), OptionalDouble.of(0.72), Optional.of("Breakout."), List.of(), Optional.of(ID));
    }
}
