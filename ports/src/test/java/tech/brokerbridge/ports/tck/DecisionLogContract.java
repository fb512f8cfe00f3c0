package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.DecisionLog;
import tech.brokerbridge.ports.journal.DecisionRecord;

/**
 * The contract every {@link DecisionLog} passes (TCK): half-open ranges, oldest first with ties in
 * the order recorded, a decision id recorded again replaces that decision in place.
 */
public abstract class DecisionLogContract<J extends DecisionLog> extends JournalRoleContract<J> {
    protected DecisionLogContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        super(open, reopen);
    }

    @Test
    public void anEmptyLogHasNoDecisions() {
        assertEquals(List.of(), journal.decisions(Instant.EPOCH, T0.plus(Duration.ofDays(3650))));
    }

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

    /** After a reopen when the log supports it; otherwise it reads back from the same object. */
    @Test
    public void everythingWrittenIsReadBackAfterAReopen() {
        DecisionRecord withAi = decision("d-1", T0, true);
        DecisionRecord without = decision("d-2", T0.plusNanos(1), false);
        journal.recordDecision(withAi);
        journal.recordDecision(without);
        reopenIfDurable();
        assertEquals(List.of(withAi, without), journal.decisions(T0, T0.plusSeconds(1)));
    }
}
