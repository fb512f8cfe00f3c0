package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import tech.brokerbridge.paper.internal.AccountState.Ledger;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;

/**
 * Cash, positions and profit and loss of the paper account. Margin follows Reg T: 50 % initial
 * margin on the gross value of positions and of working entry orders; buying power is twice the
 * available funds. Commissions ({@link #charge}) come out of cash and today's realized P&amp;L, as at
 * IB. Not thread-safe: guarded by the exchange's lock.
 */
final class PaperAccount {
    static final double INITIAL_MARGIN = 0.5;

    private final String currency;
    private double cash;
    private final Map<String, Holding> holdings = new TreeMap<>();
    private LocalDate day;
    private double realizedToday;
    private double startOfDayEquity;

    PaperAccount(String currency, double startingCash, LocalDate day) {
        this.currency = currency;
        this.cash = startingCash;
        this.day = day;
        this.startOfDayEquity = startingCash;
    }

    /** The account as it was saved. */
    static PaperAccount from(String currency, Ledger saved) {
        PaperAccount a = new PaperAccount(currency, saved.cash(), saved.day());
        a.realizedToday = saved.realizedToday();
        a.startOfDayEquity = saved.startOfDayEquity();
        for (AccountState.Holding s : saved.holdings()) {
            Holding h = new Holding();
            h.quantity = s.quantity();
            h.averageCost = s.averageCost();
            h.realized = s.realized();
            a.holdings.put(s.symbol(), h);
        }
        return a;
    }

    /** What to save of the account. */
    Ledger ledger() {
        List<AccountState.Holding> saved = new ArrayList<>(holdings.size());
        holdings.forEach((symbol, h) -> saved.add(new AccountState.Holding(symbol, h.quantity, h.averageCost, h.realized)));
        return new Ledger(cash, day, realizedToday, startOfDayEquity, saved);
    }

    String currency() {
        return currency;
    }

    /** A signed position in one symbol. */
    private static final class Holding {
        long quantity;
        double averageCost;
        double realized;
    }

    LocalDate day() {
        return day;
    }

    /** The average cost of the position in {@code symbol}; 0 without one. */
    double averageCost(String symbol) {
        Holding h = holdings.get(symbol);
        return h == null ? 0 : h.averageCost;
    }

    /** Starts a new trading day: today's realized P&L restarts and today's P&L is measured from {@code equityNow}. */
    void rollDay(LocalDate newDay, double equityNow) {
        day = newDay;
        realizedToday = 0;
        startOfDayEquity = equityNow;
    }

    /** Books a fill of {@code signedQuantity} (positive buys, negative sells) at {@code price}. */
    void fill(String symbol, long signedQuantity, double price) {
        cash -= signedQuantity * price;
        Holding h = holdings.computeIfAbsent(symbol, s -> new Holding());
        long before = h.quantity;
        if (before == 0 || Long.signum(before) == Long.signum(signedQuantity)) {
            h.averageCost = (h.averageCost * Math.abs(before) + price * Math.abs(signedQuantity))
                    / (Math.abs(before) + Math.abs(signedQuantity));
            h.quantity = before + signedQuantity;
            return;
        }
        long closing = Math.min(Math.abs(before), Math.abs(signedQuantity));
        double realized = (price - h.averageCost) * closing * Long.signum(before);
        h.realized += realized;
        realizedToday += realized;
        h.quantity = before + signedQuantity;
        if (h.quantity == 0) {
            holdings.remove(symbol);
        } else if (Long.signum(h.quantity) != Long.signum(before)) {
            h.averageCost = price; // the fill went through zero: the rest opens a new position
            h.realized = 0;
        }
    }

    /** A commission: paid from cash, and counted in today's realized P&L. */
    void charge(double commission) {
        cash -= commission;
        realizedToday -= commission;
    }

    /** The signed position in {@code symbol} (0 when flat). */
    long quantity(String symbol) {
        Holding h = holdings.get(symbol);
        return h == null ? 0 : h.quantity;
    }

    boolean hasPositions() {
        return !holdings.isEmpty();
    }

    double equity(ToDoubleFunction<String> prices) {
        double value = cash;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            value += e.getValue().quantity * prices.applyAsDouble(e.getKey());
        }
        return value;
    }

    /** Funds left for new trades, given the notional of working entry orders. */
    double availableFunds(ToDoubleFunction<String> prices, double workingEntryNotional) {
        double gross = workingEntryNotional;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            gross += Math.abs(e.getValue().quantity * prices.applyAsDouble(e.getKey()));
        }
        return equity(prices) - INITIAL_MARGIN * gross;
    }

    double buyingPower(ToDoubleFunction<String> prices, double workingEntryNotional) {
        return Math.max(0, availableFunds(prices, workingEntryNotional)) / INITIAL_MARGIN;
    }

    AccountSnapshot snapshot(ToDoubleFunction<String> prices, double workingEntryNotional, Instant asOf) {
        double equity = equity(prices);
        double unrealized = 0;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            unrealized += (prices.applyAsDouble(e.getKey()) - h.averageCost) * h.quantity;
        }
        double available = availableFunds(prices, workingEntryNotional);
        return new AccountSnapshot(currency, equity, cash, Math.max(0, available) / INITIAL_MARGIN, available,
                unrealized, realizedToday, equity - startOfDayEquity, asOf);
    }

    List<Position> positions(ToDoubleFunction<String> prices) {
        List<Position> out = new ArrayList<>();
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            Holding h = e.getValue();
            double price = prices.applyAsDouble(e.getKey());
            out.add(new Position(e.getKey(), h.quantity, h.averageCost, price, (price - h.averageCost) * h.quantity,
                    h.realized));
        }
        return out;
    }
}
