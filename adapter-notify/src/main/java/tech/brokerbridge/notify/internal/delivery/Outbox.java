package tech.brokerbridge.notify.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.notify.NotifyConfig;
import tech.brokerbridge.ports.notify.ChannelStatus;
import tech.brokerbridge.ports.journal.NotificationExchange.Outcome;

/**
 * The queue and the sending thread of one channel. {@link #offer} never blocks: the queue is bounded,
 * and when it is full the oldest waiting message is dropped (counted, and audited as {@code dropped}).
 * The thread sends one message at a time: a message of a kind that coalesces first waits the batch
 * window, then goes out together with every message of its kind waiting by then ("3 new proposals").
 * A try that may succeed later is repeated after a backoff (doubling from the first, at most the
 * maximum) or the channel's {@code Retry-After}, whichever is longer, up to the attempts allowed; a
 * {@code Retry-After} longer than the longest honoured fails the message. Between two messages the
 * thread waits the channel's minimum gap (its rate limit), so messages arriving meanwhile coalesce.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private final Channel channel;
    private final AuditTrail audit;
    private final NotifyConfig.Tuning tuning;
    private final Deque<Message> queue = new ArrayDeque<>();
    private final Thread worker;
    private long sent;
    private long failed;
    private long dropped;
    private int failuresInARow;
    private String lastProblem = "";
    private Optional<Instant> lastSentAt = Optional.empty();
    private boolean closed;

    public Outbox(Channel channel, AuditTrail audit, NotifyConfig.Tuning tuning) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.worker = new Thread(this::run, "notify-" + channel.name() + "-" + channel.destination());
        worker.setDaemon(true);
    }

    public Channel channel() {
        return channel;
    }

    public void start() {
        worker.start();
    }

    /** Queues a message; never blocks. False when the outbox is closed. */
    public boolean offer(Message m) {
        Message droppedMessage = null;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (queue.size() >= tuning.queueSize()) {
                droppedMessage = queue.pollFirst();
                dropped++;
            }
            queue.addLast(m);
            notifyAll();
        }
        if (droppedMessage != null) {
            LOG.warn("{} notification queue is full: the oldest message was dropped", channel.name());
            audit.record(channel.name(), channel.destination(), droppedMessage.event(), droppedMessage.fullText(),
                    Outcome.DROPPED, "queue full (" + tuning.queueSize() + " waiting)", List.of());
        }
        return true;
    }

    /** What health shows of this channel. */
    public synchronized ChannelStatus status() {
        boolean healthy = failuresInARow == 0;
        String message = healthy ? "ok" : "the last " + (failuresInARow == 1 ? "message" : failuresInARow + " messages")
                + " failed: " + lastProblem;
        return new ChannelStatus(channel.name(), channel.destination(), healthy, message, sent, failed, dropped,
                queue.size(), lastSentAt);
    }

    private void run() {
        try {
            while (true) {
                Message next = next();
                deliver(next);
                pause(tuning.minGap());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // a bug must not leave the channel silently dead
            LOG.error("{} notification thread stopped: {}", channel.name(), e.toString());
        }
    }

    /** The next message to send, coalesced with the waiting ones of its kind after the batch window. */
    private Message next() throws InterruptedException {
        Message first;
        synchronized (this) {
            while (queue.isEmpty()) {
                wait();
            }
            first = queue.pollFirst();
        }
        if (first.coalesceKey().isEmpty()) {
            return first;
        }
        pause(tuning.batchWindow());
        List<Message> same = new ArrayList<>(List.of(first));
        synchronized (this) {
            for (Iterator<Message> it = queue.iterator(); it.hasNext();) {
                Message m = it.next();
                if (m.coalesceKey().equals(first.coalesceKey())) {
                    same.add(m);
                    it.remove();
                }
            }
        }
        return Message.coalesce(same, Plurals.of(first.event()));
    }

    private void deliver(Message m) throws InterruptedException {
        Duration backoff = tuning.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            Attempt a = channel.send(m);
            Delivery d = a.delivery();
            if (d instanceof Delivery.Sent) {
                audit.record(channel.name(), channel.destination(), m.event(), a.body(), Outcome.SENT, d.detail(),
                        channel.secrets());
                succeeded();
                return;
            }
            Optional<Duration> wait = d instanceof Delivery.Retry r ? Optional.of(longer(r.after(), backoff))
                    : Optional.empty();
            String why = d.detail();
            if (wait.isPresent() && wait.get().compareTo(tuning.maxRetryAfter()) > 0) {
                why += "; asked to wait " + wait.get().toSeconds() + " s, longer than "
                        + tuning.maxRetryAfter().toSeconds() + " s";
                wait = Optional.empty();
            }
            if (wait.isEmpty() || attempt >= tuning.maxAttempts()) {
                String detail = wait.isEmpty() ? why : why + "; gave up after " + attempt + " tries";
                audit.record(channel.name(), channel.destination(), m.event(), a.body(), Outcome.FAILED, detail,
                        channel.secrets());
                failedForGood(detail);
                return;
            }
            audit.record(channel.name(), channel.destination(), m.event(), a.body(), Outcome.RETRYING,
                    why + "; retrying in " + seconds(wait.get()), channel.secrets());
            pause(wait.get());
            backoff = min(backoff.multipliedBy(2), tuning.maxBackoff());
        }
    }

    private synchronized void succeeded() {
        sent++;
        failuresInARow = 0;
        lastSentAt = Optional.of(audit.clock().instant());
    }

    private synchronized void failedForGood(String why) {
        failed++;
        failuresInARow++;
        lastProblem = why;
        LOG.warn("{} notification failed: {}", channel.name(), why);
    }

    /** Waits, or returns early with an interrupt when the outbox closes. */
    private void pause(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis()); // a backoff or rate limit of this channel's own thread, woken by close()
        }
    }

    private static Duration longer(Optional<Duration> asked, Duration backoff) {
        return asked.filter(a -> a.compareTo(backoff) > 0).orElse(backoff);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Stops the thread (waiting at most {@code wait}); messages still queued are audited as dropped.
     * Idempotent.
     */
    public void close(Duration wait) {
        List<Message> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            dropped += left.size();
        }
        worker.interrupt();
        try {
            worker.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Message m : left) {
            audit.record(channel.name(), channel.destination(), m.event(), m.fullText(), Outcome.DROPPED,
                    "the desk stopped before it was sent", channel.secrets());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
