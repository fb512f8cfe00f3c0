package tech.brokerbridge.core.internal.risk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.journal.Journal;

/**
 * The kill switch. Engaged, it stops the trading loop (through the listeners registered with
 * {@link #onEngage}) and refuses approvals and executions until released. Its state is kept in the
 * journal settings {@code kill_switch.engaged}, {@code kill_switch.reason}, {@code kill_switch.since},
 * so it survives a restart.
 *
 * <p>Thread-safe. Submissions run inside {@link #whileReleased}, under a read lock; engaging takes
 * the write lock to flip the state, so once {@link #engage} has flipped it no submission is in
 * flight and none starts: the open orders it cancels afterwards include every bracket ever sent.
 */
public final class KillSwitch {
    static final String ENGAGED = "kill_switch.engaged";
    static final String REASON = "kill_switch.reason";
    static final String SINCE = "kill_switch.since";
    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);

    private final Journal journal;
    private final Broker broker;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean engaged;
    private volatile String reason = "";

    public KillSwitch(Journal journal, Broker broker, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads the persisted state (at start-up). */
    public void restore() {
        boolean on = journal.setting(ENGAGED).map(Boolean::parseBoolean).orElse(false);
        String why = journal.setting(REASON).orElse("");
        lock.writeLock().lock();
        try {
            engaged = on;
            reason = why;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Called (on the engaging thread) each time the switch engages. */
    public void onEngage(Runnable listener) {
        listeners.add(listener);
    }

    public boolean engaged() {
        return engaged;
    }

    /** Why it was engaged (empty when released). */
    public Optional<String> reason() {
        return engaged ? Optional.of(reason) : Optional.empty();
    }

    /** The conflict message refusing an action while engaged. */
    public String refusal() {
        return "kill switch engaged: " + reason;
    }

    /**
     * Engages (or re-engages, with the new reason), persists the state, tells the listeners, and when
     * asked cancels every open bracket at the broker.
     *
     * @return how many order legs the broker was asked to cancel
     * @throws BrokerException when some brackets could not be cancelled (the switch is engaged anyway)
     */
    public int engage(boolean cancelOpenOrders, String why) {
        String text = why == null || why.isBlank() ? "engaged by the user" : why.strip();
        lock.writeLock().lock();
        try {
            journal.putSetting(SINCE, clock.instant().toString());
            journal.putSetting(REASON, text);
            journal.putSetting(ENGAGED, "true");
            engaged = true;
            reason = text;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.warn("kill switch engaged: {}", text);
        for (Runnable l : listeners) {
            l.run();
        }
        return cancelOpenOrders ? cancelAll() : 0;
    }

    private int cancelAll() {
        Set<String> refs = new LinkedHashSet<>();
        for (OrderView o : broker.openOrders()) {
            if (!o.orderRef().isBlank()) {
                refs.add(o.orderRef());
            }
        }
        int legs = 0;
        List<String> failed = new ArrayList<>();
        for (String ref : refs) {
            try {
                legs += broker.cancel(ref);
            } catch (BrokerException e) {
                failed.add(ref + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new BrokerException("kill switch engaged, but cancelling these brackets failed: "
                    + String.join(", ", failed), true, null);
        }
        return legs;
    }

    public void release() {
        lock.writeLock().lock();
        try {
            journal.putSetting(ENGAGED, "false");
            journal.putSetting(REASON, "");
            engaged = false;
            reason = "";
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("kill switch released");
    }

    /**
     * Runs {@code action} while the switch is released, holding it released for the duration; runs
     * {@code ifEngaged} instead when it is engaged.
     */
    public <T> T whileReleased(Supplier<T> action, Supplier<T> ifEngaged) {
        lock.readLock().lock();
        try {
            return engaged ? ifEngaged.get() : action.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
