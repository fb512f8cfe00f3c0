package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.market.Direction;

/** Brackets worked by the fake gateway's matching as the market moves. */
class PriceDrivenFillTest extends ConnectedRigTest {
    private List<Position> aapl() {
        return rig.broker.positions().stream().filter(p -> p.symbol().equals("AAPL")).toList();
    }

    @Test
    void theStopLossFillingCancelsTheTargetAndFlattens() {
        rig.broker.submitBracket(new BracketOrder("pd-1", "AAPL", Direction.LONG, 10, 99.0, 95.0, 105.0));
        rig.events.await(e -> e instanceof OrderEvent.Working, 3);
        assertTrue(rig.events.of(OrderEvent.Filled.class).isEmpty(), "nothing fills above the entry");
        rig.gw.marketTradesAt("AAPL", 98.5);
        OrderEvent.Filled entry = (OrderEvent.Filled) rig.events.await(e -> e instanceof OrderEvent.Filled, 1).get(0);
        assertEquals(98.5, entry.price(), "a buy limit fills at the better price");
        assertEquals(List.of(10L), aapl().stream().map(Position::quantity).toList());
        rig.gw.marketTradesAt("AAPL", 94.0);
        rig.events.await(e -> e instanceof OrderEvent.Filled && e.leg() == OrderLeg.STOP_LOSS, 1);
        rig.events.await(e -> e instanceof OrderEvent.Cancelled && e.leg() == OrderLeg.TAKE_PROFIT, 1);
        List<OrderView> legs = rig.broker.ordersByRef("pd-1");
        assertEquals(List.of(OrderState.FILLED, OrderState.FILLED, OrderState.CANCELLED),
                legs.stream().map(OrderView::state).toList());
        assertTrue(aapl().isEmpty(), "flat after the stop");
        assertTrue(rig.broker.openOrders().isEmpty());
    }

    @Test
    void aShortEntryFillsWhenThePriceRisesThroughIt() {
        rig.broker.submitBracket(new BracketOrder("pd-2", "AAPL", Direction.SHORT, 10, 101.0, 105.0, 95.0));
        rig.gw.marketTradesAt("AAPL", 101.5);
        rig.events.await(e -> e instanceof OrderEvent.Filled && e.leg() == OrderLeg.ENTRY, 1);
        assertEquals(List.of(-10L), aapl().stream().map(Position::quantity).toList());
        rig.gw.marketTradesAt("AAPL", 94.0);
        rig.events.await(e -> e instanceof OrderEvent.Filled && e.leg() == OrderLeg.TAKE_PROFIT, 1);
        rig.events.await(e -> e instanceof OrderEvent.Cancelled && e.leg() == OrderLeg.STOP_LOSS, 1);
    }

    @Test
    void cancellingAfterTheEntryFilledCancelsOnlyTheChildren() {
        rig.broker.submitBracket(new BracketOrder("pd-3", "AAPL", Direction.LONG, 10, 99.0, 95.0, 105.0));
        rig.gw.marketTradesAt("AAPL", 98.0);
        rig.events.await(e -> e instanceof OrderEvent.Filled, 1);
        assertEquals(2, rig.broker.cancel("pd-3"));
        rig.events.await(e -> e instanceof OrderEvent.Cancelled, 2);
        assertEquals(List.of(10L), aapl().stream().map(Position::quantity).toList());
    }
}
