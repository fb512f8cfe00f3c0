package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.closeAction;
import static tech.brokerbridge.ports.tck.JournalSamples.id;
import static tech.brokerbridge.ports.tck.JournalSamples.modifyAction;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeAction.State;
import tech.brokerbridge.ports.journal.TradeActionLog;

/**
 * The contract every {@link TradeActionLog} passes (TCK): an action comes back exactly as recorded
 * (optionals, a trailing stop, text with any characters, nanoseconds); its approvals-log lines are
 * written with it, or not at all when the action is refused (a known id or idempotency key); it is
 * found by id, by key and by the ref of the order it placed; listed by state and by bracket, oldest
 * first; a save replaces it.
 *
 * @param <J> the log under test; it also keeps the approvals log ({@link ProposalLog})
 */
public abstract class TradeActionLogContract<J extends TradeActionLog & ProposalLog> extends JournalRoleContract<J> {
    protected TradeActionLogContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        super(open, reopen);
    }

    private static ApprovalRecord line(TradeAction a, ApprovalRecord.Action action) {
        return new ApprovalRecord(a.createdAt(), a.orderRef().orElse(""), a.symbol(), action, 10, 97.25, 107.75,
                OptionalLong.of(6), OptionalDouble.empty(), OptionalDouble.empty(), a.reason());
    }

    @Test
    public void aNewLogHasNoActions() {
        assertEquals(Optional.empty(), journal.findAction("act-000000000001"));
        assertEquals(Optional.empty(), journal.actionByKey("k"));
        assertEquals(Optional.empty(), journal.actionByPlacedRef("cls-000000000001"));
        assertEquals(List.of(), journal.actionsWithState(EnumSet.allOf(State.class)));
        assertEquals(List.of(), journal.actionsOf(id(1)));
    }

    @Test
    public void anActionAndItsLinesAreRecordedTogetherAndComeBackExactly() {
        TradeAction close = closeAction(1, T0, 4, Optional.of("key-1 ✓"));
        ApprovalRecord line = line(close, ApprovalRecord.Action.CLOSE);
        journal.beginAction(close, List.of(line));
        TradeAction modify = modifyAction(1, T0.plusNanos(1));
        ApprovalRecord stop = line(modify, ApprovalRecord.Action.MODIFY_STOP);
        ApprovalRecord target = line(modify, ApprovalRecord.Action.MODIFY_TARGET);
        journal.beginAction(modify, List.of(stop, target));

        assertEquals(Optional.of(close), journal.findAction(close.actionId()));
        assertEquals(Optional.of(modify), journal.findAction(modify.actionId()));
        assertEquals(Optional.of(close), journal.actionByKey("key-1 ✓"));
        assertEquals(Optional.of(close), journal.actionByPlacedRef("cls-000000000001"));
        assertEquals(List.of(close, modify), journal.actionsOf(id(1)));
        assertEquals(List.of(line, stop, target), journal.approvals());

        reopenIfDurable();
        assertEquals(Optional.of(modify), journal.findAction(modify.actionId()));
        assertEquals(List.of(line, stop, target), journal.approvals());
    }

    @Test
    public void aKnownIdOrKeyRefusesTheActionAndWritesNothing() {
        TradeAction first = closeAction(1, T0, 4, Optional.of("same-key"));
        journal.beginAction(first, List.of(line(first, ApprovalRecord.Action.CLOSE)));
        TradeAction sameKey = closeAction(2, T0.plusSeconds(1), 6, Optional.of("same-key"));
        assertThrows(IllegalStateException.class,
                () -> journal.beginAction(sameKey, List.of(line(sameKey, ApprovalRecord.Action.CLOSE))));
        TradeAction sameId = closeAction(1, T0.plusSeconds(2), 6, Optional.empty());
        assertThrows(IllegalStateException.class,
                () -> journal.beginAction(sameId, List.of(line(sameId, ApprovalRecord.Action.CLOSE))));
        assertEquals(1, journal.approvals().size(), "the refused actions' lines were not written");
        assertEquals(Optional.empty(), journal.findAction(sameKey.actionId()));
        assertEquals(Optional.of(first), journal.findAction(first.actionId()));
    }

    @Test
    public void aSaveReplacesTheActionAndStatesSelectIt() {
        TradeAction close = closeAction(1, T0, 10, Optional.empty());
        TradeAction other = closeAction(2, T0.plusSeconds(1), 10, Optional.empty());
        TradeAction modify = modifyAction(3, T0.plusSeconds(2));
        for (TradeAction a : List.of(close, other, modify)) {
            journal.beginAction(a, List.of());
        }
        TradeAction sent = close.with(State.SENT, Optional.of("4711"), "working at the broker", T0.plusSeconds(5));
        journal.saveAction(sent);
        TradeAction done = other.with(State.DONE, Optional.of("4712"), "filled", T0.plusSeconds(6));
        journal.saveAction(done);
        assertEquals(Optional.of(sent), journal.findAction(close.actionId()));
        assertEquals("4711", journal.findAction(close.actionId()).orElseThrow().brokerOrderId().orElseThrow());
        assertEquals(List.of(sent, modify), journal.actionsWithState(EnumSet.of(State.REQUESTED, State.SENT)));
        assertEquals(List.of(done), journal.actionsWithState(EnumSet.of(State.DONE)));
        assertEquals(List.of(), journal.actionsWithState(EnumSet.of(State.FAILED, State.REFUSED)));
        reopenIfDurable();
        assertEquals(List.of(sent, done, modify), journal.actionsWithState(EnumSet.allOf(State.class)));
    }

    @Test
    public void concurrentWritersLoseNothing() throws Exception {
        concurrently(4, t -> {
            for (int i = 0; i < 15; i++) {
                int n = t * 100 + i;
                TradeAction a = closeAction(n, T0.plusSeconds(n), 1, Optional.of("k" + n));
                journal.beginAction(a, List.of(line(a, ApprovalRecord.Action.CLOSE)));
                journal.saveAction(a.with(State.SENT, Optional.of("b" + n), "sent", T0.plusSeconds(n)));
            }
        });
        assertEquals(60, journal.actionsWithState(EnumSet.of(State.SENT)).size());
        assertEquals(60, journal.approvals().size());
    }
}
