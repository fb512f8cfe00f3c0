package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tech.brokerbridge.paper.internal.AccountState.Execution;
import tech.brokerbridge.paper.internal.AccountState.LegChange;
import tech.brokerbridge.paper.internal.AccountState.LoneOrderState;
import tech.brokerbridge.paper.internal.AccountState.TradeState;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * The {@code trades} member of the account file (version 2): what looking after the trades changed.
 * {@code legs} maps a bracket leg's id to where it stands ({@code quantity}, {@code price}, and a
 * {@code trailing} object {@code {"kind","value"}} for a trailing stop); {@code orders} lists the
 * closing orders and stand-alone stops ({@code ref}, {@code leg}, {@code id}, {@code symbol},
 * {@code direction} of the position, {@code quantity}, {@code price}, {@code state}, and once filled
 * {@code executionId}, {@code fillPrice}, {@code filledAt}); {@code commissions} maps an execution id
 * to what it was charged. Read as strictly as the rest of the file.
 */
final class TradeStateCodec {
    private TradeStateCodec() {
    }

    static Map<String, Object> encode(TradeState t) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> legs = new LinkedHashMap<>();
        new TreeMap<>(t.legs()).forEach((id, c) -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("quantity", Json.Num.of(c.quantity()));
            l.put("price", Json.Num.of(c.price()));
            c.trailing().ifPresent(tr -> l.put("trailing", trailing(tr)));
            legs.put(id, l);
        });
        m.put("legs", legs);
        List<Object> orders = new ArrayList<>();
        for (LoneOrderState o : t.orders()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ref", o.ref());
            e.put("leg", o.leg().wire());
            e.put("id", o.id());
            e.put("symbol", o.symbol());
            e.put("direction", o.positionDirection().wire());
            e.put("quantity", Json.Num.of(o.quantity()));
            e.put("price", Json.Num.of(o.price()));
            e.put("state", o.state().wire());
            o.execution().ifPresent(x -> {
                e.put("executionId", x.executionId());
                e.put("fillPrice", Json.Num.of(x.price()));
                e.put("filledAt", x.time().toString());
            });
            orders.add(e);
        }
        m.put("orders", orders);
        Map<String, Object> commissions = new LinkedHashMap<>();
        new TreeMap<>(t.commissions()).forEach((exec, amount) -> commissions.put(exec, Json.Num.of(amount)));
        m.put("commissions", commissions);
        return m;
    }

    private static Map<String, Object> trailing(TrailingStop t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind().wire());
        m.put("value", Json.Num.of(t.value()));
        return m;
    }

    /**
     * @param legIds the ids of every bracket leg in the file
     * @param executions the execution ids of the brackets' fills; those of the orders are added
     * @param ids the file's id check (unique, below the counters)
     */
    static TradeState decode(JsonFields t, Set<String> legIds, Set<String> executions, AccountStateCodec.Ids ids) {
        Map<String, LegChange> legs = new LinkedHashMap<>();
        JsonFields l = t.object("legs");
        for (String id : l.keys()) {
            check(legIds.contains(id), "trades.legs: " + id + " is no bracket leg");
            JsonFields c = l.object(id);
            long quantity = c.integer("quantity");
            double price = c.decimal("price");
            Optional<TrailingStop> trail = c.has("trailing") ? Optional.of(trailing(c.object("trailing")))
                    : Optional.empty();
            c.end();
            check(quantity > 0 && price > 0, "trades.legs." + id + ": quantity and price must be positive");
            legs.put(id, new LegChange(quantity, price, trail));
        }
        l.end();
        List<LoneOrderState> orders = new ArrayList<>();
        for (Object o : t.array("orders")) {
            LoneOrderState order = order(new JsonFields("an order of trades", o), ids);
            order.execution().ifPresent(x -> executions.add(x.executionId()));
            orders.add(order);
        }
        Map<String, Double> commissions = new LinkedHashMap<>();
        JsonFields c = t.object("commissions");
        for (String exec : c.keys()) {
            double amount = c.decimal(exec);
            check(executions.contains(exec) && amount > 0, "trades.commissions: " + exec
                    + " is no execution of this account, or its amount is not positive");
            commissions.put(exec, amount);
        }
        c.end();
        t.end();
        return new TradeState(legs, orders, commissions);
    }

    private static TrailingStop trailing(JsonFields t) {
        String kind = t.string("kind");
        double value = t.decimal("value");
        t.end();
        try {
            return new TrailingStop(TrailingStop.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(t.where() + ": not a trailing stop: " + e.getMessage(), e);
        }
    }

    private static LoneOrderState order(JsonFields o, AccountStateCodec.Ids ids) {
        String ref = o.string("ref");
        OrderLeg leg = AccountStateCodec.enumOf(OrderLeg.class, o.string("leg"), o.where());
        String id = o.string("id");
        ids.orderId(id, o.where());
        String symbol = o.string("symbol");
        Direction direction = Direction.fromWire(o.string("direction"));
        long quantity = o.integer("quantity");
        double price = o.decimal("price");
        OrderState state = AccountStateCodec.enumOf(OrderState.class, o.string("state"), o.where());
        Optional<Execution> execution = Optional.empty();
        if (state == OrderState.FILLED) {
            Execution x = new Execution(o.string("executionId"), o.decimal("fillPrice"), Instant.parse(o.string("filledAt")));
            ids.executionId(x.executionId(), o.where());
            check(x.price() > 0, o.where() + ": fill price must be positive");
            execution = Optional.of(x);
        }
        o.end();
        boolean closes = leg == OrderLeg.CLOSE && CloseOrder.isCloseRef(ref);
        boolean stops = leg == OrderLeg.STOP_LOSS && StopOrder.isStopRef(ref) && price > 0;
        check(closes || stops, o.where() + ": " + ref + " is neither a closing order nor a stand-alone stop");
        check(PriceModel.isListed(symbol) && quantity > 0 && price >= 0 && state != OrderState.PENDING,
                o.where() + ": symbol, quantity, price or state invalid");
        return new LoneOrderState(ref, leg, id, symbol, direction, quantity, price, state, execution);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }
}
