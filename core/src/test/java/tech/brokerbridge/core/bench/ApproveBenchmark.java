package tech.brokerbridge.core.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.fakes.FakeAdvisor;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.fakes.FakeMarketData;
import tech.brokerbridge.ports.fakes.FakeSignalSource;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Direction;

/**
 * Approve → bracket submitted: the time of {@code TradingDesk.approve} on a pending proposal, which
 * re-runs the five gates (reading account, positions and open orders), writes the approval, the
 * order record and the executing status, and submits the bracket. Here on the in-memory FakeBroker
 * and the shared InMemoryJournal: the desk's own cost. The durable figure, on the paper broker and the
 * SQLite journal, is launcher's {@code ApproveBenchmark} (both run by {@code bench/approve/run.sh}).
 *
 * <p>Usage: {@code ApproveBenchmark [runs] [warmup]}. Prints one line per figure (to the log and,
 * as the result, to the process output through the "bench" logger's console).
 */
public final class ApproveBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ApproveBenchmark.class);
    private static final int BATCH = 500;

    private ApproveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        measure(warmup);
        long[] nanos = measure(runs);
        Arrays.sort(nanos);
        String line = String.format(Locale.ROOT,
                "approve -> bracket submitted (FakeBroker, in-memory journal): runs=%d median=%.3f ms p90=%.3f ms "
                        + "p99=%.3f ms max=%.3f ms",
                runs, ms(nanos[nanos.length / 2]), ms(nanos[(int) (nanos.length * 0.90)]),
                ms(nanos[(int) (nanos.length * 0.99)]), ms(nanos[nanos.length - 1]));
        LOG.info(line);
        Result.print(line);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static long[] measure(int runs) throws Exception {
        long[] out = new long[runs];
        int done = 0;
        while (done < runs) {
            int n = Math.min(BATCH, runs - done);
            runBatch(out, done, n);
            done += n;
        }
        return out;
    }

    // a fresh desk and journal per batch, so the in-memory journal's linear scans do not grow without bound
    private static void runBatch(long[] out, int offset, int n) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T15:00:00Z"));
        FakeBroker broker = new FakeBroker(clock);
        InMemoryJournal journal = new InMemoryJournal();
        DeskConfig d = DeskConfig.defaults("bench");
        DeskConfig config = new DeskConfig("bench", List.of("AAPL"), d.scanInterval(), 3, d.weights(), d.risk(),
                d.proposalTtl(), 60, d.evaluationPeriod());
        DeskPorts ports = new DeskPorts(broker, new FakeMarketData(), new FakeSignalSource(),
                new FakeAdvisor("offline", "rules-v1"), journal, new InMemorySecretStore(), () -> "bench");
        try (Desk desk = DeskFactory.create(config, ports, (Clock) clock)) {
            desk.start();
            for (int i = 0; i < n; i++) {
                Proposal p = pending("S" + i, clock.instant());
                journal.saveProposal(p);
                long t0 = System.nanoTime();
                ActionResult r = desk.approve(p.proposalId(), Modification.none());
                out[offset + i] = System.nanoTime() - t0;
                if (!(r instanceof ActionResult.Done done) || done.proposal().status() != ProposalStatus.EXECUTING) {
                    throw new IllegalStateException("approval did not execute: " + r);
                }
                // close the trade so the next approval meets the same open-trade count and heat
                broker.fillEntry(p.proposalId(), 100);
                broker.fillChild(p.proposalId(), OrderLeg.TAKE_PROFIT);
                awaitExecuted(journal, p.proposalId());
                clock.advance(Duration.ofMillis(1));
            }
        }
    }

    // broker events are applied on the desk's event thread; wait (untimed) until the trade is done
    private static void awaitExecuted(InMemoryJournal journal, String id) throws InterruptedException {
        for (int i = 0; i < 50_000; i++) {
            if (journal.findProposal(id).orElseThrow().status() == ProposalStatus.EXECUTED) {
                return;
            }
            Thread.sleep(0, 100_000);
        }
        throw new IllegalStateException("fill events not applied for " + id);
    }

    private static Proposal pending(String symbol, Instant now) {
        String id = String.format(Locale.ROOT, "prp-%012x", (long) (Math.random() * 0xffffffffffffL));
        return new Proposal(id, symbol, Direction.LONG, "breakout", 0.8, 0.7, 100, 98, 104, 50, "bench", List.of(),
                now, now.plus(Duration.ofMinutes(30)), ProposalStatus.PENDING,
                List.of(new StatusChange(now, Optional.empty(), ProposalStatus.PENDING, "bench")));
    }

    /** Where the figure goes: the benchmark's result file, named by the system property {@code bench.out}. */
    static final class Result {
        private Result() {
        }

        static void print(String line) throws java.io.IOException {
            String file = System.getProperty("bench.out", "target/approve-bench.txt");
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), line + System.lineSeparator());
        }
    }
}
