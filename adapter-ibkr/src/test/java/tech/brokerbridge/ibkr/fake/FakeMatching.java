package tech.brokerbridge.ibkr.fake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Inbound.*;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * The fake gateway's order handling: id rules (103), unknown contracts (200), holding untransmitted
 * orders until a transmit=1 child sends the group, statuses per the brief's live sequences,
 * rejections (201 + Inactive), cancels (202, 10147 for an unknown order, 10148 for one that is done),
 * modifications (placeOrder again with a known id: openOrder and orderStatus at the new levels, or
 * 104 for an order that is done), and a small matching engine: when the market trades at a price,
 * working orders it reaches execute (a buy limit at or above the price, a sell stop at or above it, a
 * market order at the price, a TRAIL once its stop, which follows the price, is reached ...), in
 * parts of at most {@link FakeGateway#maxFillPerTrade} shares per trade when set; a bracket's
 * children work only once the parent filled, and when one child fills the other is cancelled. Fills
 * move positions and are followed by a commission report. Messages about an order go to the session
 * of the client that placed it, if it is connected. Callers hold the gateway's lock.
 */
final class FakeMatching {
    private final FakeGateway gw;

    FakeMatching(FakeGateway gw) {
        this.gw = gw;
    }

    void place(PlaceOrder p, int clientId, FakeSession from) throws IOException {
        gw.placeOrderCount++;
        boolean drop = gw.dropAfterPlaceOrder > 0 && gw.placeOrderCount == gw.dropAfterPlaceOrder;
        int maxId = gw.orders.isEmpty() ? 0 : gw.orders.lastKey();
        FakeOrder known = gw.orders.get(p.orderId());
        if (known != null && known.clientId == clientId && known.transmitted) {
            modify(known, p, from);
            return;
        }
        if (known != null || p.orderId() <= maxId) {
            from.send(new ErrorMessage(p.orderId(), 103, "Duplicate order id", ""));
            return;
        }
        Integer conId = gw.contracts.get(p.contract().symbol());
        if (conId == null) {
            from.send(new ErrorMessage(p.orderId(), 200, "No security definition has been found for the request", ""));
            return;
        }
        Contract c = from.contract(p.contract().symbol(), conId);
        FakeOrder o = new FakeOrder(p.orderId(), clientId, c, p.order(), gw.nextPermId++);
        gw.orders.put(o.orderId, o);
        if (o.params.parentId() != 0) {
            gw.byParent.computeIfAbsent(o.params.parentId(), k -> new ArrayList<>()).add(o);
        }
        if (!p.order().transmit()) {
            if (drop) {
                from.flush();
                from.close();
            }
            return; // TWS sends nothing back for an untransmitted order
        }
        int parentId = p.order().parentId() == 0 ? o.orderId : p.order().parentId();
        List<FakeOrder> group = new ArrayList<>(children(parentId));
        FakeOrder head = gw.orders.get(parentId);
        if (head != null && !group.contains(head)) {
            group.add(head);
        }
        group.sort(Comparator.comparingInt(g -> g.orderId));
        group.forEach(g -> g.transmitted = true);
        if (drop) {
            for (FakeOrder g : group) {
                g.status = g.params.parentId() == 0 ? "Submitted" : "PreSubmitted";
            }
            from.flush();
            from.close(); // the group is at the gateway, the client never hears back
            return;
        }
        transmit(group, gw.behaviour.getOrDefault(c.symbol(), FakeGateway.Behaviour.REST));
        Double price = gw.lastPrice.get(c.symbol());
        if (price != null) {
            match(c.symbol(), price);
        }
    }

    /** placeOrder with the id of a working order: IB modifies it in place. */
    private void modify(FakeOrder o, PlaceOrder p, FakeSession from) throws IOException {
        if (o.done()) {
            from.send(new ErrorMessage(o.orderId, 104, "Can't modify a filled order.", ""));
            return;
        }
        int parentBefore = o.params.parentId();
        o.modify(p.order());
        if (o.params.parentId() != parentBefore && o.params.parentId() != 0) {
            gw.byParent.computeIfAbsent(o.params.parentId(), k -> new ArrayList<>()).add(o);
        }
        announce(o);
        Double price = gw.lastPrice.get(o.contract.symbol());
        if (price != null) {
            match(o.contract.symbol(), price);
        }
    }

    private void transmit(List<FakeOrder> group, FakeGateway.Behaviour b) throws IOException {
        FakeOrder parent = group.get(0);
        if (group.size() == 1 && b != FakeGateway.Behaviour.REJECT) {
            b = FakeGateway.Behaviour.REST; // the fill behaviours script brackets; a single order works as it is
        }
        if (b == FakeGateway.Behaviour.REJECT) {
            send(parent, new ErrorMessage(parent.orderId, 201, gw.rejectReason, ""));
            parent.status = "Inactive";
            announce(parent);
            for (FakeOrder child : group.subList(1, group.size())) {
                child.status = "Cancelled";
                send(child, new ErrorMessage(child.orderId, 202, "Order Canceled - reason:parent rejected", ""));
                send(child, child.orderStatus());
            }
            return;
        }
        for (FakeOrder g : group) {
            g.status = g == parent ? "Submitted" : "PreSubmitted";
            announce(g);
        }
        if (b == FakeGateway.Behaviour.FILL_ENTRY || b == FakeGateway.Behaviour.FILL_ENTRY_AND_TARGET) {
            fill(parent, parent.params.lmtPrice());
        }
        if (b == FakeGateway.Behaviour.FILL_ENTRY_AND_TARGET) {
            FakeOrder target = group.stream().filter(g -> g != parent && g.params.orderType().equals("LMT"))
                    .findFirst().orElseThrow();
            fill(target, target.params.lmtPrice());
        }
    }

    /** The market trades at {@code price}: execute every working order it reaches, until nothing changes. */
    void match(String symbol, double price) throws IOException {
        java.util.Set<Integer> executed = new java.util.HashSet<>(); // one execution per order and trade
        boolean changed = true;
        while (changed) {
            changed = false;
            List<FakeOrder> live = gw.orders.values().stream()
                    .filter(o -> o.transmitted && !o.done() && o.contract.symbol().equals(symbol) && active(o)
                            && !executed.contains(o.orderId))
                    .sorted(Comparator.comparingInt(o -> o.orderId)).toList();
            for (FakeOrder o : live) {
                if (o.done()) {
                    continue;
                }
                follow(o, price);
                double at = executionPrice(o, price);
                if (!Double.isNaN(at)) {
                    executed.add(o.orderId);
                    fill(o, at);
                    changed = true;
                }
            }
        }
    }

    /** A TRAIL order's stop follows the price (by its amount or percent), never loosening. */
    private static void follow(FakeOrder o, double price) {
        if (!o.trails()) {
            return;
        }
        boolean protectsLong = o.params.action().equals("SELL");
        TrailingStop trail = o.params.auxPrice() != Double.MAX_VALUE ? TrailingStop.amount(o.params.auxPrice())
                : TrailingStop.percent(o.params.trailingPercent());
        Direction d = protectsLong ? Direction.LONG : Direction.SHORT;
        o.trailStop = Double.isNaN(o.trailStop) ? trail.stopFrom(d, price) : trail.follow(d, o.trailStop, price);
    }

    /** A child works only once its parent has filled. */
    private boolean active(FakeOrder o) {
        if (o.params.parentId() == 0) {
            return true;
        }
        FakeOrder parent = gw.orders.get(o.params.parentId());
        return parent == null || parent.status.equals("Filled");
    }

    private static double executionPrice(FakeOrder o, double price) {
        boolean buy = o.params.action().equals("BUY");
        String type = o.params.orderType();
        if (type.equals("LMT")) {
            double lmt = o.params.lmtPrice();
            if (buy && price <= lmt) {
                return Math.min(lmt, price);
            }
            if (!buy && price >= lmt) {
                return Math.max(lmt, price);
            }
        } else if (type.equals("STP")) {
            double stop = o.params.auxPrice();
            if (buy ? price >= stop : price <= stop) {
                return price;
            }
        } else if (type.equals("TRAIL")) {
            if (buy ? price >= o.trailStop : price <= o.trailStop) {
                return price;
            }
        } else if (type.equals("MKT")) {
            return price;
        }
        return Double.NaN;
    }

    private void announce(FakeOrder o) throws IOException {
        send(o, o.openOrder());
        send(o, o.orderStatus());
    }

    private void fill(FakeOrder o, double price) throws IOException {
        double left = o.params.totalQuantity() - o.filled;
        double qty = gw.maxFillPerTrade > 0 ? Math.min(left, gw.maxFillPerTrade) : left;
        String execId = String.format("0000e0d5.%08x.01.01", gw.nextExec++);
        double avg = (o.avgPrice * o.filled + price * qty) / (o.filled + qty);
        String account = o.params.account().isEmpty() ? gw.accounts.get(0) : o.params.account();
        Execution e = new Execution(execId, "20260302 15:30:01 US/Eastern", account, "ISLAND",
                o.params.action().equals("BUY") ? "BOT" : "SLD", qty, price, o.permId, o.clientId, 0,
                o.filled + qty, avg, o.params.orderRef(), "", 0.0, "", 1);
        ExecDetails x = new ExecDetails(-1, o.orderId, o.contract, e);
        gw.executions.add(x);
        o.filled += qty;
        o.avgPrice = avg;
        o.status = o.filled + 1e-9 >= o.params.totalQuantity() ? "Filled" : "Submitted";
        send(o, x);
        send(o, o.orderStatus());
        send(o, o.openOrder());
        send(o, new CommissionReport(execId, 1.0, "USD", Double.MAX_VALUE, Double.MAX_VALUE, 0));
        FakeGateway.Holding h = gw.applyFill(o.contract.symbol(), o.contract.conId(),
                o.params.action().equals("BUY") ? qty : -qty, price);
        send(o, new UpdatePortfolio(o.contract.withExchange("").withPrimaryExch("NASDAQ"), h.quantity(),
                h.marketPrice(), h.quantity() * h.marketPrice(), h.avgCost(), h.unrealized(), h.realized(),
                gw.accounts.get(0)));
        if (!o.status.equals("Filled")) {
            return; // a partial fill: the children wait for the whole parent
        }
        if (o.params.parentId() == 0) {
            for (FakeOrder child : children(o.orderId)) {
                if (child.params.orderType().equals("LMT") && !child.done()) {
                    child.status = "Submitted"; // the take profit works; the stop stays held (PreSubmitted)
                    send(child, child.orderStatus());
                }
            }
        } else {
            for (FakeOrder sibling : children(o.params.parentId())) {
                if (sibling != o && !sibling.done()) {
                    sibling.status = "Cancelled"; // one-cancels-all among the children
                    send(sibling, sibling.orderStatus());
                }
            }
        }
    }

    /** The orders at the gateway now whose parent is {@code parentId}, lowest id first. */
    private List<FakeOrder> children(int parentId) {
        return gw.byParent.getOrDefault(parentId, List.of()).stream()
                .filter(c -> gw.orders.get(c.orderId) == c && c.params.parentId() == parentId)
                .sorted(Comparator.comparingInt(c -> c.orderId)).toList();
    }

    void cancel(int orderId, FakeSession from) throws IOException {
        FakeOrder o = gw.orders.get(orderId);
        if (o == null) {
            from.send(new ErrorMessage(orderId, 10147, "OrderId " + orderId
                    + " that needs to be cancelled is not found.", ""));
            return;
        }
        if (o.done()) {
            from.send(new ErrorMessage(orderId, 10148, "OrderId " + orderId
                    + " that needs to be cancelled cannot be cancelled, state: " + o.status + ".", ""));
            return;
        }
        cancelOne(o);
        if (o.params.parentId() == 0) {
            for (FakeOrder child : children(orderId)) {
                if (!child.done()) {
                    cancelOne(child);
                }
            }
        }
    }

    private void cancelOne(FakeOrder o) throws IOException {
        o.status = "Cancelled";
        send(o, o.orderStatus());
        send(o, new ErrorMessage(o.orderId, 202, "Order Canceled - reason:", ""));
    }

    /** To the session of the client that placed the order, if connected (else the news is lost, as at IB). */
    private void send(FakeOrder o, Inbound m) throws IOException {
        FakeSession s = gw.sessionOf(o.clientId);
        if (s != null) {
            s.send(m);
        }
    }
}
