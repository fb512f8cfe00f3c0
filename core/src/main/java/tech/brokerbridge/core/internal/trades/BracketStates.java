package tech.brokerbridge.core.internal.trades;

import java.util.List;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.desk.BracketView.State;
import tech.brokerbridge.ports.journal.OrderRecord;

/**
 * A bracket's state, derived from the true states of its legs (and of the closing orders and stops
 * placed for it): it never says open for a position that is already flat, or protected when no stop
 * works. Without legs (the broker could not be asked, or knows nothing) it is the desk's record.
 */
final class BracketStates {
    private BracketStates() {
    }

    static State derive(OrderRecord record, List<OrderView> legs) {
        if (legs.isEmpty()) {
            return State.of(record.state());
        }
        long entered = filled(legs, OrderLeg.ENTRY);
        OrderView entry = legs.stream().filter(l -> l.leg() == OrderLeg.ENTRY).findFirst().orElse(null);
        if (entered == 0) {
            if (entry == null) {
                return State.of(record.state());
            }
            return switch (entry.state()) {
                case PENDING, WORKING -> State.WORKING;
                case CANCELLED -> State.CANCELLED;
                case REJECTED -> State.REJECTED;
                case FILLED -> State.OPEN; // a fill with no quantity reported yet
            };
        }
        long exited = legs.stream().filter(l -> l.leg() != OrderLeg.ENTRY).mapToLong(OrderView::filledQuantity).sum();
        if (exited >= entered) {
            return State.CLOSED;
        }
        if (working(legs, OrderLeg.CLOSE)) {
            return State.CLOSING;
        }
        return working(legs, OrderLeg.STOP_LOSS) ? State.OPEN : State.UNPROTECTED;
    }

    private static long filled(List<OrderView> legs, OrderLeg leg) {
        return legs.stream().filter(l -> l.leg() == leg).mapToLong(OrderView::filledQuantity).sum();
    }

    private static boolean working(List<OrderView> legs, OrderLeg leg) {
        return legs.stream().anyMatch(l -> l.leg() == leg && l.state() == OrderState.WORKING);
    }
}
