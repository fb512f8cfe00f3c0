package tech.brokerbridge.paper.internal;

import static tech.brokerbridge.paper.internal.AccountStateCodec.check;
import static tech.brokerbridge.paper.internal.AccountStateCodec.finite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tech.brokerbridge.paper.internal.AccountState.BracketState;
import tech.brokerbridge.paper.internal.AccountState.Execution;
import tech.brokerbridge.paper.internal.AccountState.LegChange;
import tech.brokerbridge.paper.internal.AccountState.LegState;
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

    static AccountDocument.Trades encode(TradeState t) {
        SortedMap<String, AccountDocument.LegChange> legs = new TreeMap<>();
        t.legs().forEach((id, c) -> legs.put(id, new AccountDocument.LegChange(c.quantity(), finite(c.price()),
                c.trailing().map(tr -> new AccountDocument.Trail(tr.kind().wire(), finite(tr.value()))))));
        List<AccountDocument.LoneOrder> orders = new ArrayList<>();
        for (LoneOrderState o : t.orders()) {
            Optional<Execution> x = o.execution();
            orders.add(new AccountDocument.LoneOrder(o.ref(), o.leg().wire(), o.id(), o.symbol(),
                    o.positionDirection().wire(), o.quantity(), finite(o.price()), o.state().wire(),
                    x.map(Execution::executionId), x.map(e -> finite(e.price())), x.map(e -> e.time().toString())));
        }
        SortedMap<String, Double> commissions = new TreeMap<>();
        t.commissions().forEach((exec, amount) -> commissions.put(exec, finite(amount)));
        return new AccountDocument.Trades(legs, orders, commissions);
    }

    /**
     * @param brackets the file's brackets: the legs changed must be theirs, the commissions charged on
     *     their executions or those of the orders
     * @param ids the file's id check (unique, below the counters)
     */
    static TradeState decode(AccountDocument.Trades t, List<BracketState> brackets, AccountStateCodec.Ids ids) {
        Set<String> legIds = new HashSet<>();
        Set<String> executions = new HashSet<>();
        for (BracketState b : brackets) {
            for (LegState leg : b.legs()) {
                legIds.add(leg.id());
                leg.execution().ifPresent(x -> executions.add(x.executionId()));
            }
        }
        Map<String, LegChange> legs = new LinkedHashMap<>();
        t.legs().forEach((id, c) -> {
            String where = "trades.legs." + id;
            check(c != null && legIds.contains(id), where + " is no bracket leg");
            Optional<TrailingStop> trail = c.trailing().map(tr -> trailing(tr, where));
            check(c.quantity() > 0 && finite(c.price(), where + ".price") > 0, where
                    + ": quantity and price must be positive");
            legs.put(id, new LegChange(c.quantity(), c.price(), trail));
        });
        List<LoneOrderState> orders = new ArrayList<>();
        for (AccountDocument.LoneOrder o : t.orders()) {
            check(o != null, "an order of trades is null");
            LoneOrderState order = order(o, ids);
            order.execution().ifPresent(x -> executions.add(x.executionId()));
            orders.add(order);
        }
        Map<String, Double> commissions = new LinkedHashMap<>();
        t.commissions().forEach((exec, amount) -> {
            check(amount != null && executions.contains(exec) && finite(amount, "a commission") > 0,
                    "trades.commissions: " + exec + " is no execution of this account, or its amount is not positive");
            commissions.put(exec, amount);
        });
        return new TradeState(legs, orders, commissions);
    }

    private static TrailingStop trailing(AccountDocument.Trail t, String where) {
        try {
            return new TrailingStop(TrailingStop.Kind.valueOf(t.kind().toUpperCase(Locale.ROOT)), t.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".trailing: not a trailing stop: " + e.getMessage(), e);
        }
    }

    private static LoneOrderState order(AccountDocument.LoneOrder o, AccountStateCodec.Ids ids) {
        String where = "order " + o.ref() + " of trades";
        OrderLeg leg = AccountStateCodec.enumOf(OrderLeg.class, o.leg(), where);
        ids.orderId(o.id(), where);
        Direction direction = Direction.fromWire(o.direction());
        OrderState state = AccountStateCodec.enumOf(OrderState.class, o.state(), where);
        Optional<Execution> execution = AccountStateCodec.execution(state, o.executionId(), o.fillPrice(),
                o.filledAt(), where, ids);
        double price = finite(o.price(), where + ": price");
        boolean closes = leg == OrderLeg.CLOSE && CloseOrder.isCloseRef(o.ref());
        boolean stops = leg == OrderLeg.STOP_LOSS && StopOrder.isStopRef(o.ref()) && price > 0;
        check(closes || stops, where + ": neither a closing order nor a stand-alone stop");
        check(PriceModel.isListed(o.symbol()) && o.quantity() > 0 && price >= 0 && state != OrderState.PENDING,
                where + ": symbol, quantity, price or state invalid");
        return new LoneOrderState(o.ref(), leg, o.id(), o.symbol(), direction, o.quantity(), price, state, execution);
    }
}
