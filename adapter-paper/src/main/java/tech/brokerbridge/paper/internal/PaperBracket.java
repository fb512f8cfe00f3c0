package tech.brokerbridge.paper.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.paper.internal.AccountState.BracketState;
import tech.brokerbridge.paper.internal.AccountState.Execution;
import tech.brokerbridge.paper.internal.AccountState.LegChange;
import tech.brokerbridge.paper.internal.AccountState.LegState;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;

/** A bracket held by the paper exchange: the order as submitted and its three legs as they stand. Guarded by the exchange's lock. */
final class PaperBracket {
    final BracketOrder order;
    final PaperOrder entry;
    final PaperOrder stop;
    final PaperOrder target;
    /** Its live legs as port values, until a leg changes ({@link #changed}); {@code null} when not made yet. */
    private List<OrderView> liveViews;

    PaperBracket(BracketOrder order, List<String> ids) {
        this.order = order;
        this.entry = new PaperOrder(ids.get(0), OrderLeg.ENTRY, order.quantity(), order.entryLimit(), OrderState.WORKING);
        this.stop = new PaperOrder(ids.get(1), OrderLeg.STOP_LOSS, order.quantity(), order.stopLoss(), OrderState.PENDING);
        this.target = new PaperOrder(ids.get(2), OrderLeg.TAKE_PROFIT, order.quantity(), order.takeProfit(), OrderState.PENDING);
    }

    /**
     * The bracket as saved (legs in the order entry, stop loss, take profit), with the levels and
     * quantities its legs were moved to ({@code changed}, by leg id).
     */
    static PaperBracket from(BracketState saved, Map<String, LegChange> changed) {
        List<LegState> legs = saved.legs();
        PaperBracket b = new PaperBracket(saved.order(), legs.stream().map(LegState::id).toList());
        List<PaperOrder> mine = b.legs();
        for (int i = 0; i < mine.size(); i++) {
            PaperOrder leg = mine.get(i);
            LegState s = legs.get(i);
            LegChange c = changed.get(leg.id);
            if (c != null) {
                leg.quantity = c.quantity();
                leg.price = c.price();
                leg.trailing = c.trailing();
            }
            leg.state = s.state();
            s.execution().ifPresent(x -> leg.filled(x.executionId(), x.price(), x.time()));
        }
        return b;
    }

    /** Its legs that no longer stand where the order put them, by leg id. */
    Map<String, LegChange> changes() {
        Map<String, LegChange> out = new LinkedHashMap<>();
        double[] original = {order.entryLimit(), order.stopLoss(), order.takeProfit()};
        List<PaperOrder> mine = legs();
        for (int i = 0; i < mine.size(); i++) {
            PaperOrder leg = mine.get(i);
            if (leg.quantity != order.quantity() || leg.price != original[i] || leg.trailing.isPresent()) {
                out.put(leg.id, new LegChange(leg.quantity, leg.price, leg.trailing));
            }
        }
        return out;
    }

    BracketState state() {
        List<LegState> legs = new ArrayList<>(3);
        for (PaperOrder leg : legs()) {
            Optional<Execution> x = leg.state == OrderState.FILLED
                    ? Optional.of(new Execution(leg.executionId, leg.averageFillPrice, leg.filledAt))
                    : Optional.empty();
            legs.add(new LegState(leg.leg, leg.id, leg.state, x));
        }
        return new BracketState(order, legs);
    }

    /** A leg changed (state, fill, price, quantity or trail): the views made before are stale. */
    void changed() {
        liveViews = null;
    }

    /** Its live legs as port values (made once per change: the open orders are read on every approval). */
    List<OrderView> liveViews() {
        if (liveViews == null) {
            List<OrderView> views = new ArrayList<>(3);
            for (PaperOrder leg : legs()) {
                if (leg.live()) {
                    views.add(view(leg));
                }
            }
            liveViews = List.copyOf(views);
        }
        return liveViews;
    }

    List<PaperOrder> legs() {
        return List.of(entry, stop, target);
    }

    boolean live() {
        return entry.live() || stop.live() || target.live();
    }

    String symbol() {
        return order.symbol();
    }

    /**
     * The leg as a port value. {@code direction} is the bracket's direction on every leg (the
     * children of a long bracket sell, but they belong to a long trade).
     */
    OrderView view(PaperOrder leg) {
        return new OrderView(leg.id, order.orderRef(), leg.leg, order.symbol(), order.direction(), leg.quantity,
                leg.price, leg.state, leg.filledQuantity, leg.averageFillPrice, leg.trailing);
    }
}
