package tech.brokerbridge.ports.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * The trade actions and the open and closed trades of the {@link InMemoryJournal}. Not thread-safe:
 * the journal calls it under its own lock, after its write check.
 */
final class InMemoryTrades {
    private final Map<String, TradeAction> actions = new LinkedHashMap<>();
    private final Map<String, OpenTrade> open = new LinkedHashMap<>();
    private final Map<String, ClosedTrade> closed = new LinkedHashMap<>();

    /** Why the action cannot begin (a known id or key), if it cannot. */
    Optional<String> refusal(TradeAction a) {
        if (actions.containsKey(a.actionId())) {
            return Optional.of("an action " + a.actionId() + " is recorded already");
        }
        if (a.idempotencyKey().isPresent() && actionByKey(a.idempotencyKey().get()).isPresent()) {
            return Optional.of("an action with this idempotency key is recorded already");
        }
        return Optional.empty();
    }

    void put(TradeAction a) {
        actions.put(a.actionId(), a);
    }

    Optional<TradeAction> find(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    Optional<TradeAction> actionByKey(String key) {
        return actions.values().stream().filter(a -> a.idempotencyKey().equals(Optional.of(key))).findFirst();
    }

    Optional<TradeAction> actionByPlacedRef(String ref) {
        return actions.values().stream().filter(a -> a.placedRef().equals(Optional.of(ref))).findFirst();
    }

    List<TradeAction> withState(Collection<TradeAction.State> states) {
        return sorted(actions.values().stream().filter(a -> states.contains(a.state())).toList());
    }

    List<TradeAction> of(String orderRef) {
        return sorted(actions.values().stream().filter(a -> a.orderRef().equals(Optional.of(orderRef))).toList());
    }

    /** Oldest first; ties stay in the order recorded (the map's order, which a replace keeps). */
    private static List<TradeAction> sorted(List<TradeAction> list) {
        List<TradeAction> out = new ArrayList<>(list);
        out.sort(Comparator.comparing(TradeAction::createdAt));
        return out;
    }

    void saveOpen(OpenTrade t) {
        open.put(t.tradeId(), t);
    }

    List<OpenTrade> open() {
        return open.values().stream().sorted(Comparator.comparing(OpenTrade::openedAt)
                .thenComparing(OpenTrade::tradeId)).toList();
    }

    void saveClosed(ClosedTrade t) {
        open.remove(t.tradeId());
        closed.put(t.tradeId(), t);
    }

    Optional<ClosedTrade> findClosed(String id) {
        return Optional.ofNullable(closed.get(id));
    }

    List<ClosedTrade> closed(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        return closed.values().stream().filter(t -> !t.exitTime().isBefore(from) && t.exitTime().isBefore(to))
                .sorted(Comparator.comparing(ClosedTrade::exitTime).thenComparing(ClosedTrade::tradeId)).toList();
    }
}
