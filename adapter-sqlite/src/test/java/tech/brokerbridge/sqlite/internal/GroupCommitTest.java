package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;
import tech.brokerbridge.ports.tck.ProposalLogContract;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/** Writes that arrive together share one commit; progress writes are synced in the background. */
class GroupCommitTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void writesQueuedBehindABusyConnectionShareOneCommitAndAFailureStaysItsOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (SqliteJournal journal = (SqliteJournal) SqliteJournalFactory.open(SqliteConfig.defaults(dir))) {
            Database db = journal.database();
            Proposal taken = JournalSamples.proposal(99, T0, ProposalStatus.PENDING);
            journal.saveProposal(taken);
            journal.saveApprovedTrade(ProposalLogContract.approvedTrade(taken));

            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> db.read("hold the connection", c -> {
                holding.countDown();
                try {
                    release.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(holding.await(BOUND.toMillis(), TimeUnit.MILLISECONDS));
            long before = db.commits();
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                Proposal p = JournalSamples.proposal(i, T0, ProposalStatus.PENDING);
                writes.add(pool.submit(() -> journal.saveProposal(p)));
            }
            // a second approval of the same trade: refused inside the batch, alone
            Future<?> twice = pool.submit(() -> journal.saveApprovedTrade(ProposalLogContract.approvedTrade(taken)));
            await(() -> db.queued() == 5);
            release.countDown();
            holder.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            for (Future<?> w : writes) {
                w.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            }
            Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> twice.get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
            assertInstanceOf(IllegalStateException.class, refused.getCause());

            assertEquals(1, db.commits() - before, "five writes, one commit");
            for (int i = 1; i <= 4; i++) {
                assertTrue(journal.findProposal(JournalSamples.id(i)).isPresent(), "proposal " + i);
            }
            assertEquals(1, journal.approvals().size(), "the refused approval wrote nothing");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void orderProgressIsSyncedByTheCheckpointerWithinASecondWhenNoWriteFollows() throws Exception {
        try (SqliteJournal journal = (SqliteJournal) SqliteJournalFactory.open(SqliteConfig.defaults(dir))) {
            OrderRecord order = JournalSamples.order(1, T0);
            journal.saveOrder(order);
            WalCheckpointer checkpointer = journal.database().checkpointer();
            long before = checkpointer.checkpoints();
            long start = System.nanoTime();
            journal.saveOrderProgress(order.with(OrderRecord.State.ACCEPTED, List.of("1", "2", "3"), "accepted",
                    T0.plusSeconds(1)));
            await(() -> checkpointer.checkpoints() > before);
            long millis = (System.nanoTime() - start) / 1_000_000;
            // within a second, as the progress rule promises (the quiet gap's rule came first here)
            assertTrue(millis < 1_000, "checkpoint after " + millis + " ms");
            assertEquals(Optional.of(OrderRecord.State.ACCEPTED), journal.findOrder(order.orderRef())
                    .map(OrderRecord::state));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Poll.until(BOUND, condition);
    }
}
