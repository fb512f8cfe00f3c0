package tech.brokerbridge.sqlite.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Checkpoints the journal's write-ahead log in the background and restarts it, so that no commit pays for
 * a checkpoint (SQLite's automatic one runs inside the commit that crosses its threshold, with two syncs)
 * and the log keeps a stable size: a commit then overwrites blocks the log file already has instead of
 * growing it. The desk writes in short bursts (an approval is one synced commit, then a few small ones)
 * with quiet gaps between them, so the work goes into the gaps.
 *
 * <p>When: {@value #QUIET_MILLIS} ms after the last commit, when the log holds commits not yet checkpointed
 * (a quiet gap); when a {@link Database#writeProgress progress} write has waited {@value #PROGRESS_SYNC_MILLIS}
 * ms for a synced commit (the checkpoint syncs the log first, which makes it durable); and when the log file
 * has grown past {@value #LIMIT_BYTES} bytes because the writes left no gap (the hard cap, looked at every
 * {@value #TICK_MILLIS} ms).
 *
 * <p>How, in two steps. First a {@code PASSIVE} checkpoint on this thread's own connection copies the log
 * into the database; it takes no lock of the journal's, so a commit that arrives meanwhile goes ahead (and
 * keeps the log from being restarted). This thread then syncs the database file itself: SQLite syncs it only
 * when the copy reached the end of the log, so after a copy that commits raced, every page it wrote would
 * otherwise be synced in the second step, under the lock. Then {@link Restarter#checkpointAndRestart}, under
 * the journal's lock, copies what came in meanwhile and restarts the log with a write that changes nothing;
 * commits that arrive then wait for it. When a commit came during the copy, the second step does nothing and
 * the first is repeated (up to {@value #MAX_FREE_PASSES} copies, the last one followed by the second step
 * whatever came), so that the lock is held for the restart alone, not for a copy's syncs (about 2 ms, measured
 * by {@code bench/approve/run.sh}). SQLite restarts a fully checkpointed log at the next write and syncs the
 * restarted log's header before it writes the first frame: done here, that sync falls in the gap instead of
 * in the next approval's commit. Without the second step a log that is written to while it is checkpointed is
 * never restarted and grows without bound (a back-to-back run of approvals grew it to 220 MB). {@code PRAGMA
 * journal_size_limit} ({@value #LIMIT_BYTES}) cuts the file back to that size when a burst made it longer. A
 * checkpoint that fails is logged and tried again later:
 * the log keeps everything until then.
 */
final class WalCheckpointer implements AutoCloseable {
    static final long QUIET_MILLIS = 100;
    static final long PROGRESS_SYNC_MILLIS = 500;
    /**
     * The hard cap: 64 MiB, about 300 back-to-back approvals of about 200 KiB of log each (the approval, its
     * proposal and the broker's answers), so that a restart, which holds the journal's lock for a few syncs,
     * comes about once a second in a burst (16 MiB restarted it every 75 approvals, each time in one's way).
     */
    static final long LIMIT_BYTES = 64L << 20;
    /** Lock-free checkpoint passes before the restart takes the journal's lock for what is left. */
    static final int MAX_FREE_PASSES = 4;
    static final long TICK_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    /**
     * When to checkpoint (the constants above, or shorter in tests).
     *
     * @param quietMillis a gap after the last commit this long is quiet
     * @param limitBytes the log file's size beyond which the writes are not waited for (the journal size limit)
     * @param tickMillis how often the file's size is looked at
     */
    record Policy(long quietMillis, long limitBytes, long tickMillis) {
        static final Policy DEFAULT = new Policy(QUIET_MILLIS, LIMIT_BYTES, TICK_MILLIS);
    }

    /** The journal's side of a checkpoint: the remainder and the restart, under its lock. */
    interface Restarter {
        /** Write transactions committed so far. */
        long commits();

        /**
         * Checkpoints what is left and restarts the log, under the journal's lock; nothing when {@code seenCommits}
         * is zero or more and a write was committed after that count ({@link Restart#RACED}).
         */
        Restart checkpointAndRestart(long seenCommits) throws SQLException;
    }

    /** What the journal's side of a checkpoint did. */
    enum Restart {
        /** The log was wholly in the database and was restarted. */
        RESTARTED,
        /** The log could not be restarted (closed, or a reader on another connection holds part of it). */
        NOT_RESTARTED,
        /** A write came after the checkpointer's copy: nothing was done, the checkpointer copies it first. */
        RACED
    }

    private final Path file;
    private final Path wal;
    private final Supplier<Connection> connector;
    private final Restarter restarter;
    private final Policy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private Connection connection;
    private FileChannel database;
    private int writes;
    private long lastWriteNanos;
    private long unsyncedSinceNanos;
    private boolean unsynced;
    private boolean closed;
    private volatile long checkpoints;
    private volatile long restarts;
    private volatile long capped;
    private volatile long raced;

    private WalCheckpointer(Path file, Supplier<Connection> connector, Restarter restarter, Policy policy) {
        this.file = file;
        this.wal = JournalFiles.companion(file, "-wal");
        this.connector = connector;
        this.restarter = restarter;
        this.policy = policy;
        this.thread = new Thread(this::loop, "brokerbridge-journal-checkpoint");
        this.thread.setDaemon(true);
    }

    /** Starts the background thread; its connection is opened on first use. */
    static WalCheckpointer start(Path file, Supplier<Connection> connector, Restarter restarter, Policy policy) {
        WalCheckpointer c = new WalCheckpointer(file, connector, restarter, policy);
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
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            boolean due;
            boolean cap = false;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                wake.await(policy.tickMillis(), TimeUnit.MILLISECONDS);
                if (closed) {
                    return;
                }
                long now = System.nanoTime();
                due = writes > 0 && now - lastWriteNanos >= TimeUnit.MILLISECONDS.toNanos(policy.quietMillis())
                        || unsynced && now - unsyncedSinceNanos >= TimeUnit.MILLISECONDS.toNanos(PROGRESS_SYNC_MILLIS);
                if (!due && writes > 0) {
                    cap = walSize() > policy.limitBytes();
                    due = cap;
                }
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
                checkpoint(cap);
            }
        }
    }

    private long walSize() {
        try {
            return Files.size(wal);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            LOG.debug("journal log size of {}: {}", file, e.toString());
            return 0;
        }
    }

    private void checkpoint(boolean cap) {
        try {
            if (connection == null) {
                connection = connector.get();
            }
            // copy without the journal's lock until no write came during a copy (or MAX_FREE_PASSES copies), then
            // restart under it: approvals that come meanwhile wait only for the restart, not for a copy's syncs
            for (int pass = 1; ; pass++) {
                long seen = restarter.commits();
                passiveCheckpoint();
                syncDatabase();
                Restart r = restarter.checkpointAndRestart(pass < MAX_FREE_PASSES ? seen : -1);
                if (r == Restart.RACED) {
                    raced++;
                    continue;
                }
                if (r == Restart.RESTARTED) {
                    restarts++;
                }
                break;
            }
            checkpoints++;
            if (cap) {
                capped++;
            }
        } catch (SQLException | RuntimeException e) {
            lock.lock();
            try {
                writes = Math.max(writes, 1); // try again once quiet
                lastWriteNanos = System.nanoTime();
            } finally {
                lock.unlock();
            }
            LOG.warn("journal checkpoint of {} failed (tried again later): {}", file, e.getMessage());
        }
    }

    /** One {@code PASSIVE} checkpoint on this thread's own connection (no lock of the journal's). */
    private void passiveCheckpoint() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                LOG.debug("journal checkpoint of {} was partial (busy)", file);
            }
        }
    }

    /**
     * Syncs the database file after a checkpoint that commits raced: SQLite syncs it only when the checkpoint
     * reached the end of the log, so the pages copied here would otherwise all be synced by the restart, under
     * the journal's lock, in the way of the next approval.
     */
    private void syncDatabase() {
        try {
            if (database == null) {
                database = FileChannel.open(file, StandardOpenOption.WRITE);
            }
            database.force(false);
        } catch (IOException e) {
            LOG.debug("journal database sync of {}: {}", file, e.toString());
        }
    }

    /** Checkpoints run so far, for tests and diagnostics. */
    long checkpoints() {
        return checkpoints;
    }

    /** Restarts of the log so far, for tests and diagnostics. */
    long restarts() {
        return restarts;
    }

    /** Restarts given up because a write came after the copy without the lock (copied again), for tests and diagnostics. */
    long raced() {
        return raced;
    }

    /** Checkpoints that the log's size called for (no quiet gap came), for tests and diagnostics. */
    long capped() {
        return capped;
    }

    /** Stops the thread and closes its connection. Idempotent. Not under the journal's lock (see {@link Database#close}). */
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
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                LOG.debug("journal database file close: {}", e.getMessage());
            }
        }
    }
}
