package tech.brokerbridge.ports.tck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.PriceBasis;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.Quote;
import tech.brokerbridge.ports.signals.Evidence;

/** Sample journal records full of awkward values, for the roles' contracts and the tests of implementations. */
public final class JournalSamples {
    /** 2026-03-02, mid-session, with nanoseconds. */
    public static final Instant T0 = Instant.parse("2026-03-02T14:30:00.123456789Z");

    private JournalSamples() {
    }

    /** {@code prp-} and 12 hex digits. */
    public static String id(int n) {
        return String.format("prp-%012x", n);
    }

    public static GateResult gate(String name, boolean passed, Map<String, Double> compared) {
        return new GateResult(name, passed, compared, name + (passed ? " passed" : " failed"));
    }

    /** A full proposal: two gates with ordered numbers, and a history that ends in {@code status}. */
    public static Proposal proposal(int n, Instant createdAt, ProposalStatus status) {
        Map<String, Double> size = new LinkedHashMap<>();
        size.put("position_value_pct", 4.25);
        size.put("limit_pct", 5.0);
        Map<String, Double> heat = new LinkedHashMap<>();
        heat.put("heat_pct", 1.1);
        heat.put("another", 0.0);
        heat.put("limit_pct", 6.0);
        List<StatusChange> history = new ArrayList<>();
        history.add(new StatusChange(createdAt, Optional.empty(), ProposalStatus.PENDING, "proposed"));
        if (status != ProposalStatus.PENDING) {
            history.add(new StatusChange(createdAt.plusMillis(1), Optional.of(ProposalStatus.PENDING), status,
                    "moved to " + status.wire()));
        }
        return new Proposal(id(n), "AAPL", Direction.LONG, "breakout", 0.72, 0.6543, 100.5 + n, 97.25, 107.75,
                10 + n, "Breakout above resistance on volume #" + n,
                List.of(gate("max_position_size", true, size), gate("max_portfolio_heat", true, heat)), createdAt,
                createdAt.plus(Duration.ofMinutes(30)), status, history, pricing(n));
    }

    /** Every other sample was priced on delayed IB data, the others on simulated prices. */
    static PriceBasis pricing(int n) {
        return n % 2 == 0
                ? new PriceBasis("ibkr", false, Optional.of(Quote.Freshness.DELAYED), OptionalDouble.of(100.25 + n))
                : new PriceBasis("simulated", true, Optional.of(Quote.Freshness.REALTIME), OptionalDouble.of(99.5));
    }

    public static DecisionRecord decision(String id, Instant time, boolean withAi) {
        List<Evidence> evidence = List.of(new Evidence("rsi_14", 28.4, "oversold"),
                new Evidence("atr_14", 2.5, ""), new Evidence("volume_ratio", 1.75, "above average"));
        if (!withAi) {
            return new DecisionRecord(id, time, "scan-1", "MSFT", Direction.SHORT, "breakdown", evidence, 0.5, 0.25,
                    0.4, "not_selected", "score below the cut", Optional.empty(), OptionalDouble.empty(),
                    Optional.empty(), List.of(), Optional.empty());
        }
        return new DecisionRecord(id, time, "scan-1", "AAPL", Direction.LONG, "breakout", evidence, 0.8, 0.7, 0.75,
                "proposed", "all gates passed", Optional.of("approve"), OptionalDouble.of(0.66),
                Optional.of("clean breakout"), List.of(gate("sanity", true, Map.of("reward_risk", 2.5)),
                        gate("max_open_trades", true, Map.of())), Optional.of(id(1)));
    }

    public static OrderRecord order(int n, Instant createdAt) {
        return new OrderRecord(id(n), "AAPL", Direction.LONG, 10, 100.5, 97.25, 107.75, OrderRecord.State.SUBMITTING,
                List.of(), "", createdAt, createdAt);
    }

    public static AiExchange exchange(Instant time, String body, OptionalLong in, OptionalLong out) {
        return new AiExchange(time, "claude", "claude-sonnet-4", "https://api.anthropic.com/v1/messages", body, 200,
                "{\"content\":[{\"text\":\"approve\"}]}", Duration.ofNanos(1_234_567_891L), in, out);
    }

    public static List<String> ids(ProposalPage page) {
        return page.proposals().stream().map(Proposal::proposalId).toList();
    }

    /** A close of {@code quantity} shares of the bracket {@code id(n)}, requested at {@code time}. */
    public static TradeAction closeAction(int n, Instant time, long quantity, Optional<String> key) {
        String hex = String.format("%012x", n);
        return new TradeAction("act-" + hex, TradeAction.Kind.CLOSE, key, "AAPL", Optional.of(id(n)),
                Optional.of("cls-" + hex), new TradeAction.Request(OptionalLong.of(quantity), OptionalDouble.of(101.25),
                        OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty()),
                "taking profit ✓, \"early\"", TradeAction.State.REQUESTED, Optional.empty(), "about to be sent",
                time, time);
    }

    /** A modification (trailing stop and a new target) of the bracket {@code id(n)}. */
    public static TradeAction modifyAction(int n, Instant time) {
        String hex = String.format("%012x", 0x100000 + n);
        return new TradeAction("act-" + hex, TradeAction.Kind.MODIFY, Optional.empty(), "MSFT", Optional.of(id(n)),
                Optional.empty(), new TradeAction.Request(OptionalLong.empty(), OptionalDouble.empty(),
                        OptionalDouble.of(97.5), OptionalDouble.of(110.0), Optional.of(TrailingStop.percent(1.5))),
                "", TradeAction.State.REQUESTED, Optional.empty(), "", time, time);
    }

    /** A closed long trade of {@code id(n)}: 10 in at 100.5, out at 104.25, with commissions. */
    public static ClosedTrade closedTrade(int n, Instant exit) {
        return new ClosedTrade(id(n), Optional.of(id(n)), "AAPL", Direction.LONG, "breakout", "claude", 10,
                exit.minusSeconds(3600).minusNanos(7), 100.5, exit, 104.25, 37.5, 2.0, 32.5,
                ClosedTrade.ExitReason.TARGET);
    }

    /** The open trade that {@link #closedTrade} closes. */
    public static OpenTrade openTrade(int n, Instant opened) {
        return new OpenTrade(id(n), Optional.of(id(n)), "AAPL", Direction.LONG, "breakout", "offline", 10, 100.5,
                97.25, opened);
    }

    /** An {@code action} record of {@code p} as proposed, with no modification. */
    public static ApprovalRecord approval(Proposal p, ApprovalRecord.Action action, Instant time) {
        return new ApprovalRecord(time, p.proposalId(), p.symbol(), action, p.quantity(), p.stopPrice(),
                p.targetPrice(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "");
    }
}
