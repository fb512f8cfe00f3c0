package tech.brokerbridge.paper.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.brokerbridge.paper.internal.AccountState.BracketState;

/**
 * What one save of the account adds to the one before it, as a record of the account's log
 * ({@link AccountLog}): an {@link AccountState} holding every member of the new state except the
 * brackets, of which it holds only those that are new or changed. Applying the records of a log in
 * order to the state they started from gives the state of the last one; applying them again to that
 * state gives it unchanged (each record sets what it holds to a value it had).
 */
final class AccountDelta {
    private AccountDelta() {
    }

    /** The delta from {@code before} to {@code after}; empty brackets when none changed. */
    static AccountState between(AccountState before, AccountState after) {
        Map<String, BracketState> old = new HashMap<>();
        for (BracketState b : before.brackets()) {
            old.put(b.order().orderRef(), b);
        }
        List<BracketState> changed = new ArrayList<>();
        for (BracketState b : after.brackets()) {
            if (!b.equals(old.get(b.order().orderRef()))) {
                changed.add(b);
            }
        }
        return withBrackets(after, changed);
    }

    /** True when {@code after} lacks a bracket {@code before} had: a delta cannot say that. */
    static boolean dropsBrackets(AccountState before, AccountState after) {
        if (after.brackets().size() < before.brackets().size()) {
            return true;
        }
        Set<String> refs = new HashSet<>();
        after.brackets().forEach(b -> refs.add(b.order().orderRef()));
        return before.brackets().stream().anyMatch(b -> !refs.contains(b.order().orderRef()));
    }

    /** {@code base} with {@code delta} applied: its members, and its brackets replacing or following base's. */
    static AccountState apply(AccountState base, AccountState delta) {
        Map<String, BracketState> merged = new LinkedHashMap<>();
        for (BracketState b : base.brackets()) {
            merged.put(b.order().orderRef(), b);
        }
        for (BracketState b : delta.brackets()) {
            merged.put(b.order().orderRef(), b);
        }
        return withBrackets(delta, new ArrayList<>(merged.values()));
    }

    /** {@code s} holding {@code brackets} only (a delta, when they are those that changed). */
    static AccountState withBrackets(AccountState s, List<BracketState> brackets) {
        return new AccountState(s.currency(), s.seed(), s.idPrefix(), s.nextOrderId(), s.nextExecutionId(),
                s.simulatedTime(), s.ledger(), s.priceFactors(), brackets, s.trades());
    }
}
