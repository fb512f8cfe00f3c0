package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ApprovalRecord.Action;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * The contract every {@link Journal} passes (TCK). A subclass supplies a fresh, empty journal per
 * test and, when its storage outlives the object, a way to close and reopen it.
 *
 * <p>Beyond the port's javadoc, it pins down: ties in "newest first" lists are broken by id
 * (proposals, orders) or by insertion order (decisions, approvals, fills, AI audit); recording a
 * decision id again replaces that decision in place; a limit below 1 is an
 * {@link IllegalArgumentException}, as is a cursor the journal did not produce or an approval for
 * another proposal; doubles (NaN, -0.0 and infinities included) and instants (to the nanosecond)
 * come back exactly.
 */
public abstract class JournalContract {
    /** 2026-03-02, mid-session, with nanoseconds. */
    protected static final Instant T0 = Instant.parse("2026-03-02T14:30:00.123456789Z");

    protected Journal journal;

    /** A new, empty journal. */
    protected abstract Journal newJournal();

    /**
     * Closes {@code current} and opens the same storage again. Empty (the default) when the journal
     * keeps nothing beyond its own lifetime; the durability test then reads back from {@code current}.
     */
    protected Optional<Journal> reopen(Journal current) {
        return Optional.empty();
    }

    @BeforeEach
    void openJournal() {
        journal = newJournal();
    }

    @AfterEach
    void closeJournal() throws Exception {
        if (journal instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    // ---- proposals ----

    @Test
    public void savedProposalComesBackWithEveryField() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        assertEquals(Optional.of(p), journal.findProposal(p.proposalId()));
        assertEquals(Optional.empty(), journal.findProposal(id(2)));
    }

    @Test
    public void savingAgainReplacesTheProposalAndItsWholeHistory() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        Proposal modified = p.withTrade(7, 95.5, 130.25, List.of(gate("sanity", false, Map.of("rr", 1.2))))
                .withStatus(ProposalStatus.APPROVED, T0.plusSeconds(60), "user approved")
                .withStatus(ProposalStatus.EXECUTING, T0.plusSeconds(61), "bracket submitted");
        journal.saveProposal(modified);
        assertEquals(Optional.of(modified), journal.findProposal(p.proposalId()));
        Proposal fewer = new Proposal(p.proposalId(), "MSFT", Direction.SHORT, "breakdown", 0.1, 0.2, 50, 55, 40, 3,
                "shorter", List.of(), T0.plusSeconds(5), T0.plusSeconds(6), ProposalStatus.FAILED, List.of());
        journal.saveProposal(fewer);
        assertEquals(Optional.of(fewer), journal.findProposal(p.proposalId()));
        assertEquals(1, journal.proposals(ProposalQuery.all(10)).proposals().size());
    }

    @Test
    public void doublesAndInstantsComeBackExactly() {
        Map<String, Double> odd = new LinkedHashMap<>();
        odd.put("z_nan", Double.NaN);
        odd.put("neg_zero", -0.0);
        odd.put("pos_inf", Double.POSITIVE_INFINITY);
        odd.put("neg_inf", Double.NEGATIVE_INFINITY);
        odd.put("tiny", Double.MIN_VALUE);
        odd.put("huge", Double.MAX_VALUE);
        odd.put("a_sum", 0.1 + 0.2);
        odd.put("whole", 3.0);
        Instant nanos = Instant.parse("2026-03-02T00:00:00.000000001Z");
        Proposal p = new Proposal(id(9), "BRK.B", Direction.LONG, "pullback_buy", 1.0 / 3, 0.7071067811865476,
                101.01, 99.99999999999999, 1e-300, Long.MAX_VALUE, "", List.of(gate("g", true, odd)), nanos,
                nanos.plusNanos(1), ProposalStatus.PENDING,
                List.of(new StatusChange(nanos, Optional.empty(), ProposalStatus.PENDING, "")));
        journal.saveProposal(p);
        assertEquals(Optional.of(p), journal.findProposal(p.proposalId()));
        GateResult back = journal.findProposal(p.proposalId()).orElseThrow().gates().get(0);
        assertEquals(List.copyOf(odd.keySet()), List.copyOf(back.compared().keySet()), "compared keep their order");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.compared().get("neg_zero")));
    }

    @Test
    public void proposalsComeNewestFirstWithTiesByIdDescending() {
        journal.saveProposal(proposal(1, T0, ProposalStatus.PENDING));
        journal.saveProposal(proposal(3, T0.plusNanos(1), ProposalStatus.PENDING));
        journal.saveProposal(proposal(2, T0.plusNanos(1), ProposalStatus.REJECTED));
        journal.saveProposal(proposal(4, T0.minusSeconds(1), ProposalStatus.EXPIRED));
        assertEquals(List.of(id(3), id(2), id(1), id(4)), ids(journal.proposals(ProposalQuery.all(10))));
    }

    @Test
    public void theCursorWalksEveryProposalOnceAcrossPages() {
        for (int i = 1; i <= 7; i++) { // ids 5 and 4 share a creation time, across a page boundary
            journal.saveProposal(proposal(i, T0.plusSeconds(i == 4 ? 5 : i), ProposalStatus.PENDING));
        }
        List<String> seen = new ArrayList<>();
        ProposalQuery query = ProposalQuery.all(3);
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            ProposalPage page = journal.proposals(query);
            sizes.add(page.proposals().size());
            seen.addAll(ids(page));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = new ProposalQuery(Optional.empty(), Optional.empty(), 3, page.nextCursor());
        }
        List<String> expectedOrder = List.of(id(7), id(6), id(5), id(4), id(3), id(2), id(1));
        assertEquals(expectedOrder, seen);
        assertEquals(List.of(3, 3, 1), sizes);
    }

    @Test
    public void aFullLastPageHasNoCursor() {
        for (int i = 1; i <= 4; i++) {
            journal.saveProposal(proposal(i, T0.plusSeconds(i), ProposalStatus.PENDING));
        }
        ProposalPage first = journal.proposals(ProposalQuery.all(2));
        assertTrue(first.nextCursor().isPresent());
        ProposalPage second = journal.proposals(
                new ProposalQuery(Optional.empty(), Optional.empty(), 2, first.nextCursor()));
        assertEquals(List.of(id(2), id(1)), ids(second));
        assertEquals(Optional.empty(), second.nextCursor());
        assertEquals(Optional.empty(), journal.proposals(ProposalQuery.all(4)).nextCursor());
    }

    @Test
    public void filtersByStatusAndUtcDayAlsoAcrossPages() {
        Instant dayStart = Instant.parse("2026-03-02T00:00:00Z");
        journal.saveProposal(proposal(1, dayStart.minusNanos(1), ProposalStatus.PENDING)); // the day before
        journal.saveProposal(proposal(2, dayStart, ProposalStatus.PENDING));
        journal.saveProposal(proposal(3, dayStart.plusSeconds(3600), ProposalStatus.REJECTED));
        journal.saveProposal(proposal(4, dayStart.plusSeconds(7200), ProposalStatus.PENDING));
        journal.saveProposal(proposal(5, dayStart.plus(Duration.ofDays(1)).minusNanos(1), ProposalStatus.PENDING));
        journal.saveProposal(proposal(6, dayStart.plus(Duration.ofDays(1)), ProposalStatus.PENDING)); // the day after
        Optional<LocalDate> day = Optional.of(LocalDate.of(2026, 3, 2));

        assertEquals(List.of(id(5), id(4), id(3), id(2)),
                ids(journal.proposals(new ProposalQuery(Optional.empty(), day, 10, Optional.empty()))));
        assertEquals(List.of(id(3)), ids(journal.proposals(
                new ProposalQuery(Optional.of(ProposalStatus.REJECTED), Optional.empty(), 10, Optional.empty()))));
        Optional<ProposalStatus> pending = Optional.of(ProposalStatus.PENDING);
        ProposalPage first = journal.proposals(new ProposalQuery(pending, day, 2, Optional.empty()));
        assertEquals(List.of(id(5), id(4)), ids(first));
        ProposalPage second = journal.proposals(new ProposalQuery(pending, day, 2, first.nextCursor()));
        assertEquals(List.of(id(2)), ids(second));
        assertEquals(Optional.empty(), second.nextCursor());
        assertEquals(List.of(), ids(journal.proposals(new ProposalQuery(Optional.of(ProposalStatus.EXECUTED),
                day, 10, Optional.empty()))));
    }

    @Test
    public void aCursorTheJournalDidNotMakeIsRejected() {
        journal.saveProposal(proposal(1, T0, ProposalStatus.PENDING));
        String notBase64 = "%%%not a cursor%%%";
        String notOurs = Base64.getUrlEncoder().encodeToString("hello|world".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of(notBase64, notOurs, "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> journal.proposals(
                    new ProposalQuery(Optional.empty(), Optional.empty(), 10, Optional.of(bad))), bad);
            assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("cursor"), e.getMessage());
        }
    }

    @Test
    public void anEmptyJournalHasEmptyResults() {
        assertEquals(new ProposalPage(List.of(), Optional.empty()), journal.proposals(ProposalQuery.all(50)));
        assertEquals(List.of(), journal.proposalsWithStatus(List.of(ProposalStatus.values())));
        assertEquals(List.of(), journal.decisions(Instant.EPOCH, T0.plus(Duration.ofDays(3650))));
        assertEquals(List.of(), journal.approvals());
        assertEquals(List.of(), journal.orders(10));
        assertEquals(Optional.empty(), journal.findOrder(id(1)));
        assertEquals(List.of(), journal.fills(id(1)));
        assertEquals(List.of(), journal.aiAudit(10));
        assertEquals(Optional.empty(), journal.setting("anything"));
    }

    @Test
    public void proposalsWithStatusAreOldestFirst() {
        journal.saveProposal(proposal(1, T0.plusSeconds(3), ProposalStatus.EXECUTING));
        journal.saveProposal(proposal(2, T0.plusSeconds(1), ProposalStatus.PENDING));
        journal.saveProposal(proposal(3, T0.plusSeconds(2), ProposalStatus.REJECTED));
        journal.saveProposal(proposal(5, T0.plusSeconds(1), ProposalStatus.EXECUTING));
        List<Proposal> found = journal.proposalsWithStatus(List.of(ProposalStatus.PENDING, ProposalStatus.EXECUTING));
        assertEquals(List.of(id(2), id(5), id(1)), found.stream().map(Proposal::proposalId).toList());
        assertEquals(journal.findProposal(id(1)).orElseThrow(), found.get(2));
        assertEquals(List.of(), journal.proposalsWithStatus(List.of()));
    }

    // ---- approvals ----

    @Test
    public void aProposalAndItsApprovalAreSavedTogether() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        Proposal approved = p.withTrade(5, 97.0, 125.0, p.gates())
                .withStatus(ProposalStatus.APPROVED, T0.plusSeconds(30), "modified by user");
        ApprovalRecord modify = new ApprovalRecord(T0.plusSeconds(30), p.proposalId(), p.symbol(), Action.MODIFY,
                p.quantity(), p.stopPrice(), p.targetPrice(), OptionalLong.of(5), OptionalDouble.of(97.0),
                OptionalDouble.empty(), "");
        journal.saveProposalWithApproval(approved, modify);
        assertEquals(Optional.of(approved), journal.findProposal(p.proposalId()));

        Proposal other = proposal(2, T0, ProposalStatus.PENDING);
        journal.saveProposal(other);
        ApprovalRecord reject = new ApprovalRecord(T0.plusSeconds(30), other.proposalId(), other.symbol(),
                Action.REJECT, other.quantity(), other.stopPrice(), other.targetPrice(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.of(-0.0), "too close to earnings");
        journal.saveProposalWithApproval(other.withStatus(ProposalStatus.REJECTED, T0.plusSeconds(30), "user"), reject);
        ApprovalRecord early = new ApprovalRecord(T0.plusSeconds(1), id(3), "AMD", Action.APPROVE, 1, 2, 3,
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "");
        journal.saveProposalWithApproval(proposal(3, T0, ProposalStatus.APPROVED), early);

        assertEquals(List.of(early, modify, reject), journal.approvals(), "oldest first, ties as recorded");
    }

    @Test
    public void anApprovalForAnotherProposalIsRefusedAndNothingIsSaved() {
        Proposal p = proposal(1, T0, ProposalStatus.APPROVED);
        ApprovalRecord wrong = new ApprovalRecord(T0, id(2), p.symbol(), Action.APPROVE, 1, 2, 3,
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "");
        assertThrows(IllegalArgumentException.class, () -> journal.saveProposalWithApproval(p, wrong));
        assertEquals(Optional.empty(), journal.findProposal(p.proposalId()));
        assertEquals(List.of(), journal.approvals());
    }

    // ---- decisions ----

    @Test
    public void decisionsInAHalfOpenRangeComeOldestFirst() {
        DecisionRecord atFrom = decision("d-1", T0, true);
        DecisionRecord later = decision("d-2", T0.plusSeconds(10), false);
        DecisionRecord tie = decision("d-0", T0.plusSeconds(10), true);
        DecisionRecord atTo = decision("d-3", T0.plusSeconds(20), false);
        DecisionRecord before = decision("d-4", T0.minusNanos(1), false);
        for (DecisionRecord d : List.of(later, atFrom, tie, atTo, before)) {
            journal.recordDecision(d);
        }
        assertEquals(List.of(atFrom, later, tie), journal.decisions(T0, T0.plusSeconds(20)));
        assertEquals(List.of(before, atFrom, later, tie, atTo), journal.decisions(Instant.EPOCH, T0.plusSeconds(21)));
        assertEquals(List.of(), journal.decisions(T0.plusSeconds(20), T0.plusSeconds(20)));
    }

    @Test
    public void recordingADecisionAgainReplacesItInPlace() {
        journal.recordDecision(decision("d-1", T0, true));
        journal.recordDecision(decision("d-2", T0, true));
        DecisionRecord replaced = decision("d-1", T0, false);
        journal.recordDecision(replaced);
        List<DecisionRecord> all = journal.decisions(T0, T0.plusNanos(1));
        assertEquals(List.of(replaced, decision("d-2", T0, true)), all);
    }

    // ---- orders and fills ----

    @Test
    public void ordersAreUpsertedByRefAndListedNewestFirst() {
        OrderRecord a = order(1, T0);
        OrderRecord b = order(2, T0.plusSeconds(1));
        OrderRecord c = order(3, T0.plusSeconds(1));
        journal.saveOrder(a);
        journal.saveOrder(b);
        journal.saveOrder(c);
        OrderRecord accepted = a.with(OrderRecord.State.ACCEPTED, List.of("101", "102", "103"), "working",
                T0.plusSeconds(5));
        journal.saveOrder(accepted);
        assertEquals(Optional.of(accepted), journal.findOrder(a.orderRef()));
        OrderRecord filled = accepted.with(OrderRecord.State.ENTRY_FILLED, List.of("101"), "entry filled",
                T0.plusSeconds(9));
        journal.saveOrder(filled);
        assertEquals(Optional.of(filled), journal.findOrder(a.orderRef()));
        assertEquals(List.of(c, b, filled), journal.orders(10));
        assertEquals(List.of(c, b), journal.orders(2));
        assertEquals(Optional.empty(), journal.findOrder(id(4)));
    }

    @Test
    public void aFillIsRecordedOncePerExecutionId() {
        FillRecord first = new FillRecord("exec-1", id(1), OrderLeg.ENTRY, "AAPL", 10, 100.25, T0);
        assertTrue(journal.recordFill(first));
        FillRecord again = new FillRecord("exec-1", id(1), OrderLeg.ENTRY, "AAPL", 99, 1.0, T0.plusSeconds(1));
        assertFalse(journal.recordFill(again));
        assertEquals(List.of(first), journal.fills(id(1)));
    }

    @Test
    public void fillsOfAnOrderComeOldestFirst() {
        FillRecord stop = new FillRecord("e3", id(1), OrderLeg.STOP_LOSS, "AAPL", 10, 95.0, T0.plusSeconds(60));
        FillRecord entryA = new FillRecord("e1", id(1), OrderLeg.ENTRY, "AAPL", 4, 100.0, T0);
        FillRecord entryB = new FillRecord("e2", id(1), OrderLeg.ENTRY, "AAPL", 6, 100.01, T0);
        FillRecord elsewhere = new FillRecord("e4", id(2), OrderLeg.TAKE_PROFIT, "MSFT", 1, 400.0, T0);
        for (FillRecord f : List.of(stop, entryA, entryB, elsewhere)) {
            assertTrue(journal.recordFill(f));
        }
        assertEquals(List.of(entryA, entryB, stop), journal.fills(id(1)));
        assertEquals(List.of(elsewhere), journal.fills(id(2)));
    }

    // ---- AI audit and settings ----

    @Test
    public void theAiAuditKeepsExactBodiesNewestFirst() {
        AiExchange old = exchange(T0, "{\"q\":\"ünïcødé ✓ 𝄞\"}", OptionalLong.of(1200), OptionalLong.of(80));
        AiExchange newer = exchange(T0.plusSeconds(1), "line1\nline2\r\n\t\"quoted\"", OptionalLong.empty(),
                OptionalLong.empty());
        AiExchange tie = exchange(T0.plusSeconds(1), "x".repeat(100_000), OptionalLong.of(0), OptionalLong.empty());
        journal.recordAiExchange(old);
        journal.recordAiExchange(newer);
        journal.recordAiExchange(tie);
        assertEquals(List.of(tie, newer, old), journal.aiAudit(10));
        assertEquals(List.of(tie), journal.aiAudit(1));
    }

    @Test
    public void settingsAreKeptAndOverwritten() {
        assertEquals(Optional.empty(), journal.setting("kill_switch"));
        journal.putSetting("kill_switch", "engaged");
        journal.putSetting("empty", "");
        assertEquals(Optional.of("engaged"), journal.setting("kill_switch"));
        journal.putSetting("kill_switch", "released ✓");
        assertEquals(Optional.of("released ✓"), journal.setting("kill_switch"));
        assertEquals(Optional.of(""), journal.setting("empty"));
    }

    @Test
    public void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> journal.orders(0));
        assertThrows(IllegalArgumentException.class, () -> journal.aiAudit(-1));
    }

    // ---- concurrency and durability ----

    @Test
    public void concurrentWritersLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 100;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        journal.saveProposal(proposal(base + i, T0.plusSeconds(base + i), ProposalStatus.PENDING));
                        journal.recordFill(new FillRecord("x" + (base + i), id(0), OrderLeg.ENTRY, "AAPL", 1, 1.0, T0));
                        journal.findProposal(id(base + i)).orElseThrow();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(80, journal.proposals(ProposalQuery.all(500)).proposals().size());
        assertEquals(80, journal.fills(id(0)).size());
    }

    /** After a reopen when the journal supports it; otherwise it reads back from the same object. */
    @Test
    public void everythingWrittenIsReadBackAfterAReopen() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        Proposal approved = p.withStatus(ProposalStatus.APPROVED, T0.plusSeconds(1), "user");
        ApprovalRecord approval = new ApprovalRecord(T0.plusSeconds(1), p.proposalId(), p.symbol(), Action.APPROVE,
                p.quantity(), p.stopPrice(), p.targetPrice(), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), "");
        journal.saveProposalWithApproval(approved, approval);
        DecisionRecord decision = decision("d-1", T0, true);
        journal.recordDecision(decision);
        OrderRecord order = order(1, T0);
        journal.saveOrder(order);
        FillRecord fill = new FillRecord("e1", id(1), OrderLeg.ENTRY, "AAPL", 10, 100.0, T0);
        journal.recordFill(fill);
        AiExchange exchange = exchange(T0, "{}", OptionalLong.of(1), OptionalLong.of(2));
        journal.recordAiExchange(exchange);
        journal.putSetting("k", "v");

        reopen(journal).ifPresent(reopened -> journal = reopened);

        assertEquals(Optional.of(approved), journal.findProposal(p.proposalId()));
        assertEquals(List.of(approval), journal.approvals());
        assertEquals(List.of(decision), journal.decisions(T0, T0.plusSeconds(1)));
        assertEquals(Optional.of(order), journal.findOrder(order.orderRef()));
        assertEquals(List.of(fill), journal.fills(id(1)));
        assertFalse(journal.recordFill(fill), "the execution id is still known");
        assertEquals(List.of(exchange), journal.aiAudit(5));
        assertEquals(Optional.of("v"), journal.setting("k"));
    }

    // ---- samples, public for the tests of implementations ----

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
                createdAt.plus(Duration.ofMinutes(30)), status, history);
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

    private static List<String> ids(ProposalPage page) {
        return page.proposals().stream().map(Proposal::proposalId).toList();
    }
}
