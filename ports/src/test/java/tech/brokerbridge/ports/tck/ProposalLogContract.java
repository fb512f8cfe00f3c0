package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.approval;
import static tech.brokerbridge.ports.tck.JournalSamples.gate;
import static tech.brokerbridge.ports.tck.JournalSamples.id;
import static tech.brokerbridge.ports.tck.JournalSamples.ids;
import static tech.brokerbridge.ports.tck.JournalSamples.order;
import static tech.brokerbridge.ports.tck.JournalSamples.proposal;

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
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ApprovalRecord.Action;
import tech.brokerbridge.ports.journal.ApprovedTrade;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Direction;

/**
 * The contract every {@link ProposalLog} passes (TCK).
 *
 * <p>Beyond the port's javadoc, it pins down: a cursor the log did not produce and an approval for
 * another proposal are {@link IllegalArgumentException}s; doubles (NaN, -0.0 and infinities
 * included) and instants (to the nanosecond) come back exactly; an approved trade is written whole
 * or not at all.
 *
 * <p>{@link ProposalLog#saveApprovedTrade} writes the order intent to the same journal's
 * {@link OrderLog}: the journal under test is both.
 */
public abstract class ProposalLogContract<J extends ProposalLog & OrderLog> extends JournalRoleContract<J> {
    protected ProposalLogContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        super(open, reopen);
    }

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
    public void anEmptyLogHasEmptyResults() {
        assertEquals(new ProposalPage(List.of(), Optional.empty()), journal.proposals(ProposalQuery.all(50)));
        assertEquals(List.of(), journal.proposalsWithStatus(List.of(ProposalStatus.values())));
        assertEquals(List.of(), journal.approvals());
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

    @Test
    public void tradesWithStatusAreTheProposalsWithoutGatesOrHistory() {
        journal.saveProposal(proposal(1, T0.plusSeconds(3), ProposalStatus.EXECUTING));
        journal.saveProposal(proposal(2, T0.plusSeconds(1), ProposalStatus.PENDING));
        journal.saveProposal(proposal(3, T0.plusSeconds(2), ProposalStatus.REJECTED));
        List<ProposalStatus> live = List.of(ProposalStatus.PENDING, ProposalStatus.EXECUTING);
        List<Proposal> full = journal.proposalsWithStatus(live);
        assertTrue(full.stream().allMatch(p -> !p.gates().isEmpty() && !p.history().isEmpty()),
                "the samples carry gates and history, so leaving them out shows");
        assertEquals(full.stream().map(Proposal::tradeOnly).toList(), journal.tradesWithStatus(live));
        assertEquals(List.of(), journal.tradesWithStatus(List.of()));
    }

    @Test
    public void tradesWithStatusFollowEverySave() {
        List<ProposalStatus> live = List.of(ProposalStatus.PENDING, ProposalStatus.APPROVED, ProposalStatus.EXECUTING);
        Proposal a = proposal(1, T0.plusSeconds(3), ProposalStatus.PENDING);
        Proposal b = proposal(2, T0.plusSeconds(1), ProposalStatus.PENDING);
        journal.saveProposal(a);
        journal.saveProposal(b);
        assertEquals(List.of(a.tradeOnly(), b.tradeOnly()).stream().sorted(java.util.Comparator
                .comparing(Proposal::createdAt)).toList(), journal.tradesWithStatus(live));
        // a live one changes, one leaves, an older one and a newer one join, one that is not live is saved
        Proposal a2 = a.withTrade(7, 97.5, 111.0, a.gates()).withStatus(ProposalStatus.APPROVED, T0.plusSeconds(9), "ok");
        journal.saveProposal(a2);
        journal.saveProposalWithApproval(b.withStatus(ProposalStatus.REJECTED, T0.plusSeconds(9), "no"),
                approval(b, Action.REJECT, T0.plusSeconds(9)));
        journal.saveProposal(proposal(3, T0, ProposalStatus.PENDING));
        journal.saveProposal(proposal(4, T0.plusSeconds(5), ProposalStatus.EXECUTING));
        journal.saveProposal(proposal(5, T0.plusSeconds(2), ProposalStatus.REJECTED));
        assertEquals(journal.proposalsWithStatus(live).stream().map(Proposal::tradeOnly).toList(),
                journal.tradesWithStatus(live));
        assertEquals(List.of(id(3), id(1), id(4)),
                journal.tradesWithStatus(live).stream().map(Proposal::proposalId).toList());
        assertEquals(a2.tradeOnly(), journal.tradesWithStatus(live).get(1));
        // another set of statuses, then the first again after more saves
        assertEquals(List.of(id(2), id(5)), journal.tradesWithStatus(List.of(ProposalStatus.REJECTED)).stream()
                .map(Proposal::proposalId).toList());
        journal.saveProposal(a2.withStatus(ProposalStatus.FAILED, T0.plusSeconds(10), "gone"));
        assertEquals(List.of(id(3), id(4)), journal.tradesWithStatus(live).stream().map(Proposal::proposalId).toList());
        journal.saveProposal(proposal(6, T0.plusSeconds(4), ProposalStatus.PENDING));
        assertEquals(List.of(id(3), id(6), id(4)),
                journal.tradesWithStatus(live).stream().map(Proposal::proposalId).toList());
    }

    @Test
    public void historySizeCountsTheStoredStatusChanges() {
        assertEquals(OptionalInt.empty(), journal.historySize(id(1)));
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        assertEquals(OptionalInt.of(p.history().size()), journal.historySize(id(1)));
        Proposal moved = p.withStatus(ProposalStatus.APPROVED, T0.plusSeconds(1), "a")
                .withStatus(ProposalStatus.EXECUTING, T0.plusSeconds(2), "b");
        journal.saveProposal(moved);
        assertEquals(OptionalInt.of(p.history().size() + 2), journal.historySize(id(1)));
    }

    @Test
    public void aSaveReplacesTheWholeHistoryEvenWhenItIsNotAnExtension() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        Proposal extended = p.withStatus(ProposalStatus.APPROVED, T0.plusSeconds(1), "approved");
        journal.saveProposal(extended);
        assertEquals(extended, journal.findProposal(id(1)).orElseThrow());
        Proposal other = new Proposal(p.proposalId(), p.symbol(), p.direction(), p.setupType(), p.conviction(),
                p.compositeScore(), p.entryPrice(), p.stopPrice(), p.targetPrice(), p.quantity(), p.thesisSummary(),
                p.gates(), p.createdAt(), p.expiresAt(), ProposalStatus.REJECTED, List.of(
                        new StatusChange(T0, Optional.empty(), ProposalStatus.PENDING, "proposed again"),
                        new StatusChange(T0.plusSeconds(3), Optional.of(ProposalStatus.PENDING),
                                ProposalStatus.REJECTED, "no")), p.pricing());
        journal.saveProposal(other);
        assertEquals(other, journal.findProposal(id(1)).orElseThrow());
        Proposal cut = new Proposal(p.proposalId(), p.symbol(), p.direction(), p.setupType(), p.conviction(),
                p.compositeScore(), p.entryPrice(), p.stopPrice(), p.targetPrice(), p.quantity(), p.thesisSummary(),
                p.gates(), p.createdAt(), p.expiresAt(), ProposalStatus.PENDING, other.history().subList(0, 1),
                p.pricing());
        journal.saveProposal(cut);
        assertEquals(cut, journal.findProposal(id(1)).orElseThrow());
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
                OptionalDouble.empty(), OptionalDouble.of(-0.0), "too close to earnings", "telegram", "123456789");
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

    @Test
    public void anApprovedTradeIsSavedWhole() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        ApprovedTrade trade = approvedTrade(p);
        journal.saveApprovedTrade(trade);
        assertEquals(Optional.of(trade.proposal()), journal.findProposal(p.proposalId()));
        assertEquals(List.of(trade.approval()), journal.approvals());
        assertEquals(Optional.of(trade.intent()), journal.findOrder(p.proposalId()));
    }

    @Test
    public void anApprovedTradeWhoseOrderExistsIsRefusedAndNothingIsSaved() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        OrderRecord earlier = order(1, T0.minusSeconds(5)).with(OrderRecord.State.ACCEPTED, List.of("9"), "working",
                T0.minusSeconds(4));
        journal.saveOrder(earlier);
        assertThrows(IllegalStateException.class, () -> journal.saveApprovedTrade(approvedTrade(p)));
        assertEquals(Optional.of(p), journal.findProposal(p.proposalId()));
        assertEquals(List.of(), journal.approvals());
        assertEquals(Optional.of(earlier), journal.findOrder(p.proposalId()));
    }

    // ---- concurrency and durability ----

    @Test
    public void concurrentWritersLoseNothing() throws Exception {
        concurrently(4, t -> {
            for (int i = 0; i < 20; i++) {
                Proposal p = proposal(t * 100 + i, T0.plusSeconds(t * 100 + i), ProposalStatus.PENDING);
                journal.saveProposal(p);
                journal.saveProposalWithApproval(p.withStatus(ProposalStatus.REJECTED, T0, "user"),
                        approval(p, Action.REJECT, T0));
                journal.findProposal(p.proposalId()).orElseThrow();
            }
        });
        assertEquals(80, journal.proposals(ProposalQuery.all(500)).proposals().size());
        assertEquals(80, journal.approvals().size());
    }

    /** After a reopen when the log supports it; otherwise it reads back from the same object. */
    @Test
    public void everythingWrittenIsReadBackAfterAReopen() {
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        Proposal approved = p.withStatus(ProposalStatus.APPROVED, T0.plusSeconds(1), "user");
        ApprovalRecord approval = approval(p, Action.APPROVE, T0.plusSeconds(1));
        journal.saveProposalWithApproval(approved, approval);
        Proposal other = proposal(2, T0, ProposalStatus.PENDING);
        ApprovedTrade trade = approvedTrade(other);
        journal.saveApprovedTrade(trade);

        reopenIfDurable();

        assertEquals(Optional.of(approved), journal.findProposal(p.proposalId()));
        assertEquals(Optional.of(trade.proposal()), journal.findProposal(other.proposalId()));
        assertEquals(List.of(approval, trade.approval()), journal.approvals());
        assertEquals(Optional.of(trade.intent()), journal.findOrder(other.proposalId()));
    }

    /** {@code p} approved with a tighter stop and moved to executing, with its approval and order intent. */
    public static ApprovedTrade approvedTrade(Proposal p) {
        Instant at = T0.plusSeconds(2);
        Proposal executing = p.withTrade(p.quantity() - 1, p.stopPrice() + 0.25, p.targetPrice(), p.gates())
                .withStatus(ProposalStatus.APPROVED, at, "approved with modifications by the user")
                .withStatus(ProposalStatus.EXECUTING, at, "bracket order being sent to paper");
        ApprovalRecord modify = new ApprovalRecord(at, p.proposalId(), p.symbol(), Action.MODIFY, p.quantity(),
                p.stopPrice(), p.targetPrice(), OptionalLong.of(p.quantity() - 1),
                OptionalDouble.of(p.stopPrice() + 0.25), OptionalDouble.empty(), "");
        OrderRecord intent = new OrderRecord(p.proposalId(), p.symbol(), p.direction(), executing.quantity(),
                executing.entryPrice(), executing.stopPrice(), executing.targetPrice(), OrderRecord.State.SUBMITTING,
                List.of(), "about to be sent to paper", at, at);
        return new ApprovedTrade(executing, modify, intent);
    }
}
