package tech.brokerbridge.paper.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import tech.brokerbridge.paper.internal.AccountState.BracketState;
import tech.brokerbridge.paper.internal.AccountState.LegChange;
import tech.brokerbridge.paper.internal.AccountState.LoneOrderState;
import tech.brokerbridge.paper.internal.AccountState.TradeState;

/**
 * What the {@link PaperBook} last handed to a save, and what its mutations touched since: so a save
 * rebuilds and compares only the brackets a call touched, not every bracket the account ever held.
 * Disabled (every method a no-op) for an account that is not saved. Guarded by the exchange's lock.
 */
final class BookCapture {
    /**
     * The book as a save keeps it, and the brackets whose state is new or changed since the last
     * capture (or reset).
     */
    record Capture(List<BracketState> brackets, List<BracketState> changed, TradeState trades) {
    }

    private final boolean enabled;
    private final List<BracketState> states = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, LegChange> legChanges = new HashMap<>();
    private TradeState trades = TradeState.NONE;
    private final Set<PaperBracket> touched = new LinkedHashSet<>();
    private boolean loneTouched;
    private boolean chargedTouched;

    BookCapture(boolean enabled) {
        this.enabled = enabled;
    }

    /** A mutation of {@code b}'s legs (state, fill, price, quantity, trail). */
    void touched(PaperBracket b) {
        if (enabled) {
            touched.add(b);
        }
    }

    /** A closing order or stand-alone stop was placed or changed. */
    void loneTouched() {
        loneTouched = enabled;
    }

    /** A commission was charged. */
    void chargedTouched() {
        chargedTouched = enabled;
    }

    /**
     * The book now, from what was captured before and the touched brackets built afresh.
     *
     * @param lone the closing orders and stops as they stand (asked for only when one was touched)
     * @param charged the commissions by execution id (copied only when one was charged)
     */
    Capture capture(Supplier<List<LoneOrderState>> lone, Map<String, Double> charged) {
        List<BracketState> changed = new ArrayList<>();
        boolean legsMoved = false;
        for (PaperBracket b : touched) {
            BracketState now = b.state();
            Integer i = index.get(b.order.orderRef());
            if (i == null) {
                index.put(b.order.orderRef(), states.size());
                states.add(now);
                changed.add(now);
            } else if (!now.equals(states.get(i))) {
                states.set(i, now);
                changed.add(now);
            }
            Map<String, LegChange> moved = b.changes();
            for (PaperOrder leg : b.legs()) {
                LegChange c = moved.get(leg.id);
                LegChange was = c == null ? legChanges.remove(leg.id) : legChanges.put(leg.id, c);
                legsMoved |= !Objects.equals(c, was);
            }
        }
        touched.clear();
        if (legsMoved || loneTouched || chargedTouched) {
            trades = new TradeState(legChanges, loneTouched ? lone.get() : trades.orders(),
                    chargedTouched ? charged : trades.commissions());
            loneTouched = false;
            chargedTouched = false;
        }
        return new Capture(List.copyOf(states), changed, trades);
    }

    /** Starts again from a saved book (loaded, or rolled back to after a save failed). */
    void reset(List<BracketState> saved, TradeState savedTrades) {
        states.clear();
        index.clear();
        legChanges.clear();
        touched.clear();
        loneTouched = false;
        chargedTouched = false;
        trades = TradeState.NONE;
        if (enabled) {
            for (BracketState b : saved) {
                index.put(b.order().orderRef(), states.size());
                states.add(b);
            }
            legChanges.putAll(savedTrades.legs());
            trades = savedTrades;
        }
    }
}
