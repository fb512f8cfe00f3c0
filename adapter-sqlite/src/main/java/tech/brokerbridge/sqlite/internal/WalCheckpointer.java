package tech.brokerbridge.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the journal's write-ahead log in the background, on a connection of its own, so that
 * no commit pays for a checkpoint (SQLite's automatic one runs inside the commit that crosses its
 * threshold, with two syncs). A {@code PASSIVE} checkpoint never blocks the writer.
 *
 * <p>It runs when {@value #WRITES_PER_CHECKPOINT} commits went into the log since the last one, when
 * a {@link Database#writeProgress progress} write has waited {@value #PROGRESS_SYNC_MILLIS} ms for a
 * synced commit (the checkpoint syncs the log first, which makes it durable), and when writes stopped
 * for {@value #IDLE_MILLIS} ms. A checkpoint that fails is logged and tried again later: the log
 * keeps everything until then.
 */
final class WalCheckpointer implements AutoCloseable {
    static final int WRITES_PER_CHECKPOINT = 500;
    static final long PROGRESS_SYNC_MILLIS = 500;
    static final long IDLE_MILLIS = 2_000;
    private static final long TICK_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Path file;
    private final Supplier<Connection> connector;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private Connection connection;
    private int writes;
    private long lastWriteNanos;
    private long unsyncedSinceNanos;
    private boolean unsynced;
    private boolean closed;
    private volatile long checkpoints;

    private WalCheckpointer(Path file, Supplier<Connection> connector) {
        this.file = file;
        this.connector = connector;
        this.thread = new Thread(this::loop, "brokerbridge-journal-checkpoint");
        this.thread.setDaemon(true);
    }

    /** Starts the background thread; its connection is opened on first use. */
    static WalCheckpointer start(Path file, Supplier<Connection> connector) {
        WalCheckpointer c = new WalCheckpointer(file, connector);
        c.thread.start();
        return c;
    }

    /** A commit went into the log; {@code synced} when it was synced (and so was everything before it). */
    void written(boolean synced) {
        lock.lock();
        try {
            writes++;
            lastWriteNanos = System.nanoTime();
            if (synced) {
                unsynced = false;
            } else if (!unsynced) {
                unsynced = true;
                unsyncedSinceNanos = lastWriteNanos;
            }
            if (writes >= WRITES_PER_CHECKPOINT) {
                wake.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            boolean due;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                wake.await(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (closed) {
                    return;
                }
                long now = System.nanoTime();
                due = writes >= WRITES_PER_CHECKPOINT
                        || unsynced && now - unsyncedSinceNanos >= TimeUnit.MILLISECONDS.toNanos(PROGRESS_SYNC_MILLIS)
                        || writes > 0 && now - lastWriteNanos >= TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
                if (due) {
                    writes = 0;
                    unsynced = false;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (due) {
                checkpoint();
            }
        }
    }

    private void checkpoint() {
        try {
            if (connection == null) {
                connection = connector.get();
            }
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                if (rs.next() && rs.getInt(1) != 0) {
                    LOG.debug("journal checkpoint of {} was partial (busy)", file);
                }
            }
            checkpoints++;
        } catch (SQLException | RuntimeException e) {
            lock.lock();
            try {
                writes = Math.max(writes, 1); // try again once idle
                lastWriteNanos = System.nanoTime();
            } finally {
                lock.unlock();
            }
            LOG.warn("journal checkpoint of {} failed (tried again later): {}", file, e.getMessage());
        }
    }

    /** Checkpoints run so far, for tests and diagnostics. */
    long checkpoints() {
        return checkpoints;
    }

    /** Stops the thread and closes its connection. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("journal checkpoint connection close: {}", e.getMessage());
            }
        }
    }
}
