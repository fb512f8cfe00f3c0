package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.id;
import static tech.brokerbridge.ports.tck.JournalSamples.order;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;

/**
 * The contract every {@link OrderLog} passes (TCK): orders upserted by ref and listed newest first
 * (ties by ref, descending), order progress read back at once and kept after a clean reopen, a fill
 * recorded once per execution id, fills oldest first (ties in the order recorded), a commission set on
 * its fill (a later report replacing it), a limit below 1 refused.
 */
public abstract class OrderLogContract<J extends OrderLog> extends JournalRoleContract<J> {
    protected OrderLogContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        super(open, reopen);
    }

    @Test
    public void anEmptyLogHasNoOrdersAndNoFills() {
        assertEquals(List.of(), journal.orders(10));
        assertEquals(Optional.empty(), journal.findOrder(id(1)));
        assertEquals(List.of(), journal.fills(id(1)));
    }

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
    public void orderProgressIsVisibleAtOnceAndKeptLikeAnyOrder() {
        OrderRecord submitting = order(1, T0);
        journal.saveOrder(submitting);
        OrderRecord accepted = submitting.with(OrderRecord.State.ACCEPTED, List.of("101", "102", "103"),
                "accepted by the broker", T0.plusSeconds(1));
        journal.saveOrderProgress(accepted);
        assertEquals(Optional.of(accepted), journal.findOrder(submitting.orderRef()));
        assertEquals(List.of(accepted), journal.orders(10));
        reopenIfDurable();
        assertEquals(Optional.of(accepted), journal.findOrder(submitting.orderRef()));
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

    @Test
    public void aCommissionIsSetOnItsFillAndReplacedByALaterReport() {
        FillRecord fill = new FillRecord("exec-9", id(1), OrderLeg.CLOSE, "AAPL", 10, 101.5, T0);
        assertFalse(journal.recordCommission("exec-9", 1.0), "no fill yet: nothing written");
        assertTrue(journal.recordFill(fill));
        assertEquals(OptionalDouble.empty(), journal.fills(id(1)).get(0).commission());
        assertTrue(journal.recordCommission("exec-9", 1.0));
        assertTrue(journal.recordCommission("exec-9", 1.25));
        FillRecord charged = journal.fills(id(1)).get(0);
        assertEquals(OptionalDouble.of(1.25), charged.commission());
        assertEquals(OrderLeg.CLOSE, charged.leg());
        reopenIfDurable();
        assertEquals(List.of(charged), journal.fills(id(1)));
        assertFalse(journal.recordFill(fill), "a replayed execution keeps its commission");
        assertEquals(OptionalDouble.of(1.25), journal.fills(id(1)).get(0).commission());
    }

    @Test
    public void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> journal.orders(0));
        assertThrows(IllegalArgumentException.class, () -> journal.orders(-1));
    }

    @Test
    public void concurrentWritersLoseNothing() throws Exception {
        concurrently(4, t -> {
            for (int i = 0; i < 20; i++) {
                int n = t * 100 + i;
                journal.saveOrder(order(n, T0.plusSeconds(n)));
                journal.recordFill(new FillRecord("x" + n, id(0), OrderLeg.ENTRY, "AAPL", 1, 1.0, T0));
                journal.findOrder(id(n)).orElseThrow();
            }
        });
        assertEquals(80, journal.orders(500).size());
        assertEquals(80, journal.fills(id(0)).size());
    }

    /** After a reopen when the log supports it; otherwise it reads back from the same object. */
    @Test
    public void everythingWrittenIsReadBackAfterAReopen() {
        OrderRecord order = order(1, T0).with(OrderRecord.State.ACCEPTED, List.of("7", "8", "9"), "working", T0);
        journal.saveOrder(order);
        FillRecord fill = new FillRecord("e1", id(1), OrderLeg.ENTRY, "AAPL", 10, 100.0, T0);
        journal.recordFill(fill);

        reopenIfDurable();

        assertEquals(Optional.of(order), journal.findOrder(order.orderRef()));
        assertEquals(List.of(fill), journal.fills(id(1)));
        assertFalse(journal.recordFill(fill), "the execution id is still known");
    }
}
