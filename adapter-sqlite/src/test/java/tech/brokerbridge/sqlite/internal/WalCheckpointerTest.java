package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;

/** The write-ahead log is checkpointed and restarted in quiet gaps, and kept to its size limit without them. */
class WalCheckpointerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aQuietGapCheckpointsAndRestartsTheLogSoTheNextCommitStartsItAfresh() throws Exception {
        Path file = dir.resolve("brokerbridge.db");
        WalCheckpointer.Policy policy = new WalCheckpointer.Policy(500, WalCheckpointer.LIMIT_BYTES, 10);
        try (SqliteJournal journal = new SqliteJournal(Database.open(file, Duration.ofSeconds(5), Migration.all(),
                policy))) {
            Database db = journal.database();
            long restarts = db.restarts();
            for (int i = 1; i <= 20; i++) {
                journal.saveProposal(JournalSamples.proposal(i, T0, ProposalStatus.PENDING));
            }
            await(() -> db.restarts() > restarts);
            // restarted, not merely checkpointed: the log holds the one frame of the restart, not the 20 commits
            assertEquals(1, logFrames(file), "frames in the log after the quiet gap");
            long size = Files.size(JournalFiles.companion(file, "-wal"));
            journal.saveProposal(JournalSamples.proposal(21, T0, ProposalStatus.PENDING));
            assertTrue(logFrames(file) < 20, "the next commit wrote at the start of the restarted log");
            assertEquals(size, Files.size(JournalFiles.companion(file, "-wal")), "the log file did not grow");
            assertEquals(21, journal.proposalsWithStatus(EnumSet.of(ProposalStatus.PENDING)).size());
        }
    }

    @Test
    void writesThatLeaveNoQuietGapStillKeepTheLogToItsLimit() throws Exception {
        Path file = dir.resolve("brokerbridge.db");
        long limit = 256 << 10;
        // a quiet gap that never comes: only the limit can make the checkpointer act
        WalCheckpointer.Policy policy = new WalCheckpointer.Policy(TimeUnit.HOURS.toMillis(1), limit, 10);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        int written;
        try (SqliteJournal journal = new SqliteJournal(Database.open(file, Duration.ofSeconds(5), Migration.all(),
                policy))) {
            Database db = journal.database();
            long restarts = db.restarts();
            AtomicInteger commits = new AtomicInteger();
            Future<Integer> writer = pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    n++;
                    journal.saveProposal(JournalSamples.proposal(n, T0, ProposalStatus.PENDING));
                    commits.set(n);
                }
                return n;
            });
            // 600 commits of at least two 4 KiB pages each: many times the limit goes through the log, with no gap
            await(() -> commits.get() >= 600 && db.restarts() - restarts >= 3 && db.checkpointer().capped() >= 3);
            stop.set(true);
            written = writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            // the last burst may have grown the file past the limit; the checkpointer cuts it back without a gap
            await(() -> walSize(file) <= limit);
            assertEquals(written, journal.proposalsWithStatus(EnumSet.of(ProposalStatus.PENDING)).size());
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        try (SqliteJournal reopened = SqliteJournal.open(file, Duration.ofSeconds(5))) {
            assertEquals(written, reopened.proposalsWithStatus(EnumSet.of(ProposalStatus.PENDING)).size());
        }
    }

    @Test
    void aRestartThatACommitRacedDoesNothingUnderTheLockUnlessItIsTheLastTry() throws Exception {
        Path file = dir.resolve("brokerbridge.db");
        // the checkpointer never acts on its own here: no quiet gap comes, no limit is reached
        WalCheckpointer.Policy policy = new WalCheckpointer.Policy(TimeUnit.HOURS.toMillis(1), 1L << 40, 10);
        try (SqliteJournal journal = new SqliteJournal(Database.open(file, Duration.ofSeconds(5), Migration.all(),
                policy))) {
            Database db = journal.database();
            journal.saveProposal(JournalSamples.proposal(1, T0, ProposalStatus.PENDING));
            long seen = db.commits();
            journal.saveProposal(JournalSamples.proposal(2, T0, ProposalStatus.PENDING)); // after the copy
            long restarts = db.restarts();
            assertEquals(WalCheckpointer.Restart.RACED, db.checkpointAndRestart(seen));
            assertEquals(restarts, db.restarts(), "nothing restarted");
            assertTrue(logFrames(file) > 1, "the log still holds the commits");
            assertEquals(WalCheckpointer.Restart.RESTARTED, db.checkpointAndRestart(db.commits()));
            assertEquals(1, logFrames(file), "restarted: the one frame of the restart");
            journal.saveProposal(JournalSamples.proposal(3, T0, ProposalStatus.PENDING));
            // the last try goes ahead whatever came (-1): it copies the rest itself, under the lock
            assertEquals(WalCheckpointer.Restart.RESTARTED, db.checkpointAndRestart(-1));
            assertEquals(restarts + 2, db.restarts());
            assertEquals(3, journal.proposalsWithStatus(EnumSet.of(ProposalStatus.PENDING)).size());
        }
    }

    /** The frames in the log, as a checkpoint from another connection reports them. */
    private static int logFrames(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "busy");
            return rs.getInt(2);
        }
    }

    private static long walSize(Path file) {
        try {
            return Files.size(JournalFiles.companion(file, "-wal"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Poll.until(BOUND, condition);
    }
}
