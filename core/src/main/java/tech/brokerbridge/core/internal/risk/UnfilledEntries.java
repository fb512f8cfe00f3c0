package tech.brokerbridge.core.internal.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderView;

/**
 * The kill switch's {@code cancel_open_orders}: cancels the brackets whose entry has not filled at
 * all (entry and its held children), and nothing else. A bracket whose entry filled, even in part,
 * keeps its stop and target: they protect shares that are held. Closing orders and stand-alone stops
 * are left alone too.
 */
public final class UnfilledEntries {
    private UnfilledEntries() {
    }

    /**
     * What was done.
     *
     * @param cancelled refs of the brackets asked to cancel
     * @param kept refs of brackets left working because their entry filled in part
     * @param problems refs that could not be cancelled, with why
     */
    public record Cancellation(int legs, List<String> cancelled, List<String> kept, List<String> problems) {
        public Cancellation {
            cancelled = List.copyOf(cancelled);
            kept = List.copyOf(kept);
            problems = List.copyOf(problems);
        }

        public static Cancellation none() {
            return new Cancellation(0, List.of(), List.of(), List.of());
        }
    }

    /**
     * @throws BrokerException when the open orders cannot be read (nothing was cancelled)
     */
    public static Cancellation cancel(Broker broker) {
        Map<String, OrderView> entries = new LinkedHashMap<>();
        for (OrderView o : broker.openOrders()) {
            if (o.leg() == OrderLeg.ENTRY && !o.state().done() && !o.orderRef().isBlank()) {
                entries.putIfAbsent(o.orderRef(), o);
            }
        }
        int legs = 0;
        List<String> cancelled = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (OrderView entry : entries.values()) {
            if (entry.filledQuantity() > 0) {
                kept.add(entry.orderRef());
                continue;
            }
            try {
                legs += broker.cancel(entry.orderRef());
                cancelled.add(entry.orderRef());
            } catch (BrokerException e) {
                problems.add(entry.orderRef() + " (" + e.getMessage() + ")");
            }
        }
        return new Cancellation(legs, cancelled, kept, problems);
    }
}
