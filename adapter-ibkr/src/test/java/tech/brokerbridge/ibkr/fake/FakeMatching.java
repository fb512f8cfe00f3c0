package tech.brokerbridge.ibkr.fake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound.*;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;

/**
 * The fake gateway's order handling: id rules (103), unknown contracts (200), holding untransmitted
 * orders until a transmit=1 child sends the group, statuses per the brief's live sequences, fills,
 * the children's one-cancels-all, rejections (201 + Inactive) and cancels (202, 10147, 10148).
 */
final class FakeMatching {
    private final FakeGateway gw;
    private final FakeSession session;

    FakeMatching(FakeGateway gw, FakeSession session) {
        this.gw = gw;
        this.session = session;
    }

    void place(PlaceOrder p, int clientId) throws IOException {
        synchronized (gw) {
            gw.placeOrderCount++;
            boolean drop = gw.dropAfterPlaceOrder > 0 && gw.placeOrderCount == gw.dropAfterPlaceOrder;
            int maxId = gw.orders.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (gw.orders.containsKey(p.orderId()) || p.orderId() <= maxId) {
                session.send(new ErrorMessage(p.orderId(), 103, "Duplicate order id", ""));
                return;
            }
            Integer conId = gw.contracts.get(p.contract().symbol());
            if (conId == null) {
                session.send(new ErrorMessage(p.orderId(), 200, "No security definition has been found for the request", ""));
                return;
            }
            Contract c = session.contract(p.contract().symbol(), conId);
            FakeOrder o = new FakeOrder(p.orderId(), clientId, c, p.order(), gw.nextPermId++);
            gw.orders.put(o.orderId, o);
            if (!p.order().transmit()) {
                if (drop) {
                    session.flush();
                    session.close();
                }
                return; // TWS sends nothing back for an untransmitted order
            }
            int parentId = p.order().parentId() == 0 ? o.orderId : p.order().parentId();
            List<FakeOrder> group = new ArrayList<>();
            for (FakeOrder g : gw.orders.values()) {
                if (g.orderId == parentId || g.params.parentId() == parentId) {
                    g.transmitted = true;
                    group.add(g);
                }
            }
            group.sort(Comparator.comparingInt(g -> g.orderId));
            if (drop) {
                for (FakeOrder g : group) {
                    g.status = g.params.parentId() == 0 ? "Submitted" : "PreSubmitted";
                }
                session.flush();
                session.close(); // the group is at the gateway, the client never hears back
                return;
            }
            transmit(group, FakeGatewayBehaviour.of(gw, c.symbol()));
        }
    }

    private void transmit(List<FakeOrder> group, FakeGateway.Behaviour b) throws IOException {
        FakeOrder parent = group.get(0);
        if (b == FakeGateway.Behaviour.REJECT) {
            session.send(new ErrorMessage(parent.orderId, 201, gw.rejectReason, ""));
            parent.status = "Inactive";
            announce(parent);
            for (FakeOrder child : group.subList(1, group.size())) {
                child.status = "Cancelled";
                session.send(new ErrorMessage(child.orderId, 202, "Order Canceled - reason:parent rejected", ""));
                session.send(child.orderStatus());
            }
            return;
        }
        for (FakeOrder g : group) {
            g.status = g == parent ? "Submitted" : "PreSubmitted";
            announce(g);
        }
        if (b == FakeGateway.Behaviour.FILL_ENTRY || b == FakeGateway.Behaviour.FILL_ENTRY_AND_TARGET) {
            fill(parent);
            for (FakeOrder child : group.subList(1, group.size())) {
                if (child.params.orderType().equals("LMT")) {
                    child.status = "Submitted"; // the take profit works; the stop stays held (PreSubmitted)
                    session.send(child.orderStatus());
                }
            }
        }
        if (b == FakeGateway.Behaviour.FILL_ENTRY_AND_TARGET) {
            FakeOrder target = group.stream().filter(g -> g != parent && g.params.orderType().equals("LMT"))
                    .findFirst().orElseThrow();
            fill(target);
            for (FakeOrder child : group.subList(1, group.size())) {
                if (child != target && !child.done()) {
                    child.status = "Cancelled"; // one-cancels-all among the children
                    session.send(child.orderStatus());
                }
            }
        }
    }

    private void announce(FakeOrder o) throws IOException {
        session.send(o.openOrder());
        session.send(o.orderStatus());
    }

    private void fill(FakeOrder o) throws IOException {
        double qty = o.params.totalQuantity();
        double price = o.params.lmtPrice();
        String execId = String.format("0000e0d5.%08x.01.01", gw.nextExec++);
        Execution e = new Execution(execId, "20260302 15:30:01 US/Eastern", gw.accounts.get(0), "ISLAND",
                o.params.action().equals("BUY") ? "BOT" : "SLD", qty, price, o.permId, o.clientId, 0, qty, price,
                o.params.orderRef(), "", 0.0, "", 1);
        ExecDetails x = new ExecDetails(-1, o.orderId, o.contract, e);
        gw.executions.add(x);
        o.filled = qty;
        o.avgPrice = price;
        o.status = "Filled";
        session.send(x);
        session.send(o.orderStatus());
        session.send(o.openOrder());
        session.send(new CommissionReport(execId, 1.0, "USD", Double.MAX_VALUE, Double.MAX_VALUE, 0));
    }

    void cancel(int orderId) throws IOException {
        synchronized (gw) {
            FakeOrder o = gw.orders.get(orderId);
            if (o == null) {
                session.send(new ErrorMessage(orderId, 10147, "OrderId " + orderId
                        + " that needs to be cancelled is not found.", ""));
                return;
            }
            if (o.done()) {
                session.send(new ErrorMessage(orderId, 10148, "OrderId " + orderId
                        + " that needs to be cancelled cannot be cancelled, state: " + o.status + ".", ""));
                return;
            }
            cancelOne(o);
            if (o.params.parentId() == 0) {
                for (FakeOrder child : gw.orders.values()) {
                    if (child.params.parentId() == orderId && !child.done()) {
                        cancelOne(child);
                    }
                }
            }
        }
    }

    private void cancelOne(FakeOrder o) throws IOException {
        o.status = "Cancelled";
        session.send(o.orderStatus());
        session.send(new ErrorMessage(o.orderId, 202, "Order Canceled - reason:", ""));
    }

    /** The behaviour scripted for a symbol. */
    static final class FakeGatewayBehaviour {
        private FakeGatewayBehaviour() {
        }

        static FakeGateway.Behaviour of(FakeGateway gw, String symbol) {
            return gw.behaviour.getOrDefault(symbol, FakeGateway.Behaviour.REST);
        }
    }
}
