package tech.brokerbridge.ibkr.internal.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The tracked legs by order id and by orderRef. The legs of one ref (a bracket, a close) are found
 * without a scan of every leg of the day: the submit path and the reader ask for them on each
 * bracket, and a scan grew with the number of orders the desk had placed. Guarded by the tracker's
 * lock.
 */
final class LegBook {
    private final Map<Integer, TrackedLeg> byId = new HashMap<>();
    private final Map<String, List<TrackedLeg>> byRef = new HashMap<>();

    TrackedLeg get(int orderId) {
        return byId.get(orderId);
    }

    boolean contains(int orderId) {
        return byId.containsKey(orderId);
    }

    void put(TrackedLeg l) {
        TrackedLeg old = byId.put(l.orderId, l);
        if (old != null) {
            unindex(old);
        }
        byRef.computeIfAbsent(l.orderRef, r -> new ArrayList<>(3)).add(l);
    }

    TrackedLeg computeIfAbsent(int orderId, IntFunction<TrackedLeg> make) {
        TrackedLeg l = byId.get(orderId);
        if (l == null) {
            l = make.apply(orderId);
            put(l);
        }
        return l;
    }

    /** The legs with this ref, in the order they became known; a read-only view. */
    List<TrackedLeg> ofRef(String orderRef) {
        List<TrackedLeg> l = byRef.get(orderRef);
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    boolean hasRef(String orderRef) {
        return byRef.containsKey(orderRef);
    }

    void removeRef(String orderRef) {
        List<TrackedLeg> gone = byRef.remove(orderRef);
        if (gone != null) {
            gone.forEach(l -> byId.remove(l.orderId, l));
        }
    }

    void removeIf(Predicate<TrackedLeg> test) {
        byId.values().removeIf(l -> {
            if (test.test(l)) {
                unindex(l);
                return true;
            }
            return false;
        });
    }

    /** Every leg; a read-only view. */
    Collection<TrackedLeg> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    private void unindex(TrackedLeg l) {
        List<TrackedLeg> same = byRef.get(l.orderRef);
        if (same != null && same.remove(l) && same.isEmpty()) {
            byRef.remove(l.orderRef);
        }
    }
}
