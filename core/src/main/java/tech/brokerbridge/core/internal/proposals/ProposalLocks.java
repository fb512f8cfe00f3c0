package tech.brokerbridge.core.internal.proposals;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes the state changes of one proposal: a fixed set of striped, reentrant locks keyed by
 * proposal id (the desk keeps a second set keyed by symbol, for the actions on one position). Two
 * keys may share a stripe (then they wait for each other, never deadlock: no code path holds two
 * stripes of one set at once, and the only nesting across the sets is a symbol's lock, then a
 * proposal's).
 */
public final class ProposalLocks {
    private static final int STRIPES = 64;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ProposalLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public <T> T withLock(String proposalId, Supplier<T> action) {
        ReentrantLock lock = locks[Math.floorMod(proposalId.hashCode(), STRIPES)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void withLock(String proposalId, Runnable action) {
        withLock(proposalId, () -> {
            action.run();
            return null;
        });
    }
}
