package tech.brokerbridge.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.tck.SigkillOutline;

/**
 * Nothing lost: a child JVM submits brackets to a persistent paper account and prints each
 * acknowledgement; the test kills it with SIGKILL mid-flow, reopens the account and finds every
 * acknowledged bracket with its legs, and an account that adds up.
 */
class PaperAccountKillTest extends SigkillOutline {
    private static final int ACCEPTED_BEFORE_KILL = 40;

    PaperAccountKillTest() {
        super(PaperAccountWriterMain.class, "accepted ", ACCEPTED_BEFORE_KILL);
    }

    @Override
    protected void findEveryAcknowledgedStep(Path data, List<String> acks) throws Exception {
        try (PaperMarket market = PaperFactory.create(PaperAccountWriterMain.config(data), PaperAccountWriterMain.CLOCK)) {
            for (String ack : acks) {
                String[] f = ack.split(" ");
                List<OrderView> legs = market.broker().ordersByRef(f[1]);
                switch (f[0]) {
                    case "accepted" -> {
                        assertEquals(3, legs.size(), ack);
                        assertEquals(List.of(f[2], f[3], f[4]), legs.stream().map(OrderView::brokerOrderId).toList(), ack);
                        assertEquals(List.of(OrderLeg.ENTRY, OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT),
                                legs.stream().map(OrderView::leg).toList(), ack);
                        int i = Integer.parseInt(f[1].substring("kill-".length()));
                        if (i % 2 == 0) {
                            assertEquals(OrderState.FILLED, legs.get(0).state(), "a marketable entry filled: " + ack);
                        }
                        SubmitResult again = market.broker().submitBracket(PaperAccountWriterMain.bracket(i));
                        assertTrue(again instanceof SubmitResult.Rejected r && r.duplicate(), "still a duplicate: " + again);
                    }
                    case "cancelled" -> {
                        assertTrue(legs.stream().allMatch(v -> v.state().done()), "nothing left working: " + legs);
                        assertEquals(Long.parseLong(f[2]), legs.stream().filter(v -> v.state() == OrderState.CANCELLED)
                                .count(), "the legs it cancelled: " + ack);
                    }
                    default -> throw new AssertionError("unexpected line from the child: " + ack);
                }
            }
            assertAccountAddsUp(market);
        }
    }

    /** Whatever made it into the file is whole: the position and cash are exactly what the filled legs say. */
    private static void assertAccountAddsUp(PaperMarket market) {
        long quantity = 0;
        double spent = 0;
        int known = 0;
        for (int i = 0; i < PaperAccountWriterMain.SAFETY_CAP; i++) {
            List<OrderView> legs = market.broker().ordersByRef(PaperAccountWriterMain.ref(i));
            if (legs.isEmpty()) {
                break; // the first bracket the child was killed before saving; none after it can be there
            }
            known++;
            OrderView entry = legs.get(0);
            assertFalse(legs.get(1).state() == OrderState.FILLED || legs.get(2).state() == OrderState.FILLED,
                    "nothing reached the stop or target at a forced price of 100: " + legs);
            if (entry.state() == OrderState.FILLED) {
                quantity += entry.filledQuantity();
                spent += entry.filledQuantity() * entry.averageFillPrice();
            }
        }
        assertTrue(market.broker().ordersByRef(PaperAccountWriterMain.ref(known + 1)).isEmpty(), "no gap in the refs");
        assertTrue(known >= ACCEPTED_BEFORE_KILL, "at least the acknowledged brackets: " + known);
        long expected = quantity;
        Position p = market.broker().positions().stream().filter(x -> x.symbol().equals(PaperAccountWriterMain.SYMBOL))
                .findFirst().orElseThrow();
        assertEquals(expected, p.quantity(), "the position is the sum of the filled entries");
        AccountSnapshot a = market.broker().account();
        assertEquals(100_000 - spent, a.cash(), 1e-6, "cash paid for exactly the filled entries");
        BracketOrder sample = PaperAccountWriterMain.bracket(0);
        assertEquals(sample.entryLimit(), p.averageCost(), 1e-9, "every fill at the marketable limit");
    }
}
