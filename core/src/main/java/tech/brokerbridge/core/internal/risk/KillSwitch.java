package tech.brokerbridge.core.internal.risk;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.events.EventHub;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.DeskState;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.KillSwitchState.EngagedBy;

/**
 * The kill switch. Engaged, it stops the trading loop (through the listeners registered with
 * {@link #onEngage}) and refuses approvals and executions until released. Asked to cancel open
 * orders, it cancels the brackets whose entry has not filled, never a protective leg of a filled
 * position ({@link UnfilledEntries}). Its state (who engaged it,
 * why, since when) is kept in the journal's {@link DeskState}, so it survives a restart.
 *
 * <p>Thread-safe. Submissions run inside {@link #whileReleased}, under a read lock; engaging takes
 * the write lock to flip the state, so once {@link #engage} has flipped it no submission is in
 * flight and none starts: the open orders it cancels afterwards include every bracket ever sent.
 */
public final class KillSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);

    private final DeskState state;
    private final Broker broker;
    private final Clock clock;
    private final EventHub events;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean engaged;
    private volatile String reason = "";

    public KillSwitch(DeskState state, Broker broker, Clock clock) {
        this(state, broker, clock, new EventHub(clock));
    }

    /** A switch that publishes {@code kill_switch.engaged} and {@code kill_switch.released} to {@code events}. */
    public KillSwitch(DeskState state, Broker broker, Clock clock, EventHub events) {
        this.state = Objects.requireNonNull(state, "state");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Reads the persisted state (at start-up). */
    public void restore() {
        Optional<KillSwitchState> saved = state.killSwitch();
        boolean on = saved.isPresent() && saved.get() instanceof KillSwitchState.Engaged;
        String why = on ? ((KillSwitchState.Engaged) saved.get()).reason() : "";
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

    /** The user engages the switch: {@link #engage(boolean, EngagedBy, String)} by {@link EngagedBy#USER}. */
    public int engage(boolean cancelOpenOrders, String why) {
        return engage(cancelOpenOrders, EngagedBy.USER, why);
    }

    /**
     * Engages (or re-engages, with the new reason), persists the state, tells the listeners, and when
     * asked cancels the unfilled brackets at the broker ({@link UnfilledEntries}).
     *
     * @return how many order legs the broker was asked to cancel
     * @throws BrokerException when some brackets could not be cancelled (the switch is engaged anyway)
     * @throws tech.brokerbridge.ports.journal.JournalException when the state cannot be saved (the
     *     switch is then unchanged)
     */
    public int engage(boolean cancelOpenOrders, EngagedBy by, String why) {
        UnfilledEntries.Cancellation c = engageAndCancel(cancelOpenOrders, by, why);
        if (!c.problems().isEmpty()) {
            throw new BrokerException("kill switch engaged, but cancelling these brackets failed: "
                    + String.join(", ", c.problems()), true, null);
        }
        return c.legs();
    }

    /**
     * As {@link #engage(boolean, EngagedBy, String)}, with what the cancellation did (refs cancelled,
     * kept, and problems) instead of throwing for brackets that could not be cancelled.
     *
     * @throws BrokerException when the open orders cannot be read (the switch is engaged anyway)
     */
    public UnfilledEntries.Cancellation engageAndCancel(boolean cancelUnfilled, EngagedBy by, String why) {
        Objects.requireNonNull(by, "by");
        String text = why == null || why.isBlank() ? "engaged by the user" : why.strip();
        lock.writeLock().lock();
        try {
            state.saveKillSwitch(new KillSwitchState.Engaged(clock.instant(), by, text));
            engaged = true;
            reason = text;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.warn("kill switch engaged: {}", text);
        events.publish((id, t) -> new DeskEvent.KillSwitchEngaged(id, t, text, by.wire()));
        for (Runnable l : listeners) {
            l.run();
        }
        return cancelUnfilled ? UnfilledEntries.cancel(broker) : UnfilledEntries.Cancellation.none();
    }

    public void release() {
        lock.writeLock().lock();
        try {
            state.saveKillSwitch(new KillSwitchState.Released(clock.instant()));
            engaged = false;
            reason = "";
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("kill switch released");
        events.publish((id, t) -> new DeskEvent.KillSwitchReleased(id, t));
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
