package tech.brokerbridge.launcher.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorFactory;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.signals.SignalSourceFactory;
import tech.brokerbridge.signals.SignalsConfig;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * Approve → bracket submitted, durably, on the daemon's adapters (run by {@code bench/approve/run.sh},
 * never as a unit test): {@code Desk.approve} on a pending proposal with the SQLite journal and the
 * paper broker keeping its account in a state directory, as the daemon runs them. Each approval
 * re-runs the five gates, saves the approval, the executing status and the order intent (one synced
 * journal commit), submits the bracket (one synced append to the paper account's log) and records
 * the acceptance.
 *
 * <p>The limit, measured in the same run and interleaved with the approvals: two synced 1 KiB writes
 * in place to a file on the same disk, the least a durable approval at a separate broker can cost
 * (intent before the broker, the broker's own record before its answer).
 *
 * <p>One desk, one journal and one paper account live through the whole run, as in a long session (runs
 * 1-5 of the README opened a fresh desk and journal every {@value #BATCH} approvals, so about one sample in
 * a hundred was the first approval of a fresh desk). Risk limits allow at most 100 open trades and working
 * brackets count, so after each {@value #BATCH} approvals that batch's brackets are cancelled at the broker
 * and the desk marks them failed (untimed); the journal grows and the paper account's log fills and is
 * compacted as in a long session. The approving thread's CPU time is reported too: the approval does all
 * its work on the caller's thread, so it is the approval's cost without disk waits or a busy machine's
 * preemption. The warm-up ({@code warm-up} approvals, then more rounds of it until the JVM has collected
 * garbage {@value #WARM_COLLECTIONS} times, as a desk that has scanned has long done, and until the JIT compiler
 * spent less than 2 % of a round compiling, the steady state of a long-running desk) is not measured; the
 * collections and the compiler's time that fall among the measured approvals are printed. Usage:
 * {@code ApproveBenchmark <work dir> <result file> [samples] [warm-up]}; at least 1,000 samples.
 */
public final class ApproveBenchmark {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T16:00:00Z"), ZoneOffset.UTC);
    private static final int BATCH = 90;
    /** Collections a fresh JVM goes through before measuring (see main), and the most warm-up added for them. */
    private static final int WARM_COLLECTIONS = 4;
    private static final int MAX_EXTRA_WARMUP = 8_100;
    /**
     * {@code -Dbench.untilCompiled} (default true): warm up until the JIT compiler is quiet, below {@link #QUIET_COMPILER}
     * of a round's time; false measures after {@code warm-up} approvals and the collections alone, as runs 1-7 did.
     */
    private static final boolean UNTIL_COMPILED = Boolean.parseBoolean(System.getProperty("bench.untilCompiled", "true"));
    private static final double QUIET_COMPILER = 0.02;
    /**
     * {@code -Dbench.pauseMillis}: an untimed pause after each measured approval (default 0, back to back; the warm-up
     * runs back to back). Back to back, the journal never has the quiet gap it checkpoints in and checkpoints at its
     * size cap while approvals run; with pauses longer than its quiet gap (100 ms), as when a person approves, it
     * checkpoints between them.
     */
    private static final long PAUSE_MILLIS = Long.getLong("bench.pauseMillis", 0);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The JVM's start on the {@link System#nanoTime} scale, so that sample times line up with -Xlog:gc's uptime. */
    private static final long START = System.nanoTime()
            - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;

    private ApproveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1_080;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 270;
        if (samples < 1_000) {
            throw new IllegalArgumentException("at least 1,000 samples before a p99, not " + samples);
        }
        long[] approve = new long[samples];
        long[] cpu = new long[samples];
        long[] floor = new long[samples];
        long[] ends = new long[samples];
        String warmedUp;
        String gcWhile;
        try (PaperMarket paper = PaperFactory.create(new PaperConfig(1e12, "USD", 7)
                .withStateDirectory(work.resolve("paper")), CLOCK);
                FileChannel twoSyncs = preallocated(work.resolve("floor.bin"));
                ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(work.resolve("journal")));
                Desk desk = desk(paper, journal)) {
            desk.start();
            int[] next = {0};
            long[][] scratch = {new long[warmup], new long[warmup], new long[warmup], new long[warmup]};
            run(paper, journal, desk, warmup, next, scratch, twoSyncs, 0);
            // a running desk has collected garbage many times before an approval comes: the first collections of a
            // fresh JVM touch heap pages for the first time (in this VM 40-120 ms each, against 2-3 ms later), so
            // the warm-up goes on, in whole rounds, until the collector has run WARM_COLLECTIONS times; and its code is
            // compiled: with -Dbench.untilCompiled=true (the default) the rounds also go on until the JIT compiler
            // spent less than QUIET_COMPILER of a round compiling (a 270-approval warm-up left C2 compiling through
            // the measured approvals, 27 % of the process's CPU samples in perf, on a machine of 2 cores)
            int extra = 0;
            long compiledInRound = Long.MAX_VALUE;
            long roundNanos = 1;
            while ((collections()[0] < WARM_COLLECTIONS || UNTIL_COMPILED && compiledInRound > QUIET_COMPILER * roundNanos / 1e6)
                    && extra < MAX_EXTRA_WARMUP) {
                long compiled = compilationMillis();
                long t = System.nanoTime();
                run(paper, journal, desk, warmup, next, scratch, twoSyncs, 0);
                roundNanos = System.nanoTime() - t;
                compiledInRound = compilationMillis() - compiled;
                extra += warmup;
            }
            warmedUp = String.format(Locale.ROOT, "%d warm-up approvals, %d collections before measuring, the JIT compiler"
                    + " busy for %s of the last warm-up round", warmup + extra, collections()[0],
                    extra == 0 ? "(no extra round)" : compiledInRound + " ms of " + roundNanos / 1_000_000 + " ms");
            long compiledBefore = compilationMillis();
            long[] gcBefore = collections();
            run(paper, journal, desk, samples, next, new long[][] {approve, cpu, floor, ends}, twoSyncs, PAUSE_MILLIS);
            long[] gcAfter = collections();
            gcWhile = String.format(Locale.ROOT, "%d collections while measuring, %d ms in all; the JIT compiler busy for %d"
                    + " ms while measuring", gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1],
                    compilationMillis() - compiledBefore);
        }
        String dump = System.getProperty("bench.samples");
        if (dump != null) { // one line per measured approval, in order: to tie the slow ones to what happened then
            StringBuilder sb = new StringBuilder("index,end_ms,wall_ms,cpu_ms,limit_ms\n");
            for (int i = 0; i < samples; i++) {
                sb.append(i).append(',').append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f%n", ms(ends[i]),
                        ms(approve[i]), ms(cpu[i]), ms(floor[i])));
            }
            Files.writeString(Path.of(dump), sb);
        }
        Arrays.sort(approve);
        Arrays.sort(cpu);
        Arrays.sort(floor);
        double median = ms(approve[samples / 2]);
        double p99 = ms(approve[(int) (samples * 0.99)]);
        double floorMedian = ms(floor[samples / 2]);
        double floorP99 = ms(floor[(int) (samples * 0.99)]);
        String line = String.format(Locale.ROOT, "approve -> bracket submitted, durable (paper broker with its"
                + " account file, SQLite journal), " + (PAUSE_MILLIS > 0 ? "one every " + PAUSE_MILLIS + " ms or more"
                : "back to back") + ", %d samples: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms"
                + " (goal median <= 2 ms: %s, p99 <= 5 ms: %s)%n"
                + "limit in the same run, two synced 1 KiB writes: median %.3f ms, p99 %.3f ms;"
                + " approve / limit: median %.2fx, p99 %.2fx%n"
                + "CPU time of the approving thread (no disk wait, no preemption): median %.3f ms, p99 %.3f ms%n"
                + "(" + warmedUp + "; " + gcWhile + ")",
                samples, median, ms(approve[(int) (samples * 0.9)]), p99,
                ms(approve[samples - 1]), median <= 2 ? "met" : "MISSED", p99 <= 5 ? "met" : "MISSED", floorMedian,
                floorP99, median / floorMedian, p99 / floorP99, ms(cpu[samples / 2]), ms(cpu[(int) (samples * 0.99)]));
        Files.writeString(out, line + System.lineSeparator());
    }

    /**
     * {@code times}: the approvals' wall-clock times, their CPU times, the limit's times, and when each approval
     * ended (since the JVM started).
     */
    private static void run(PaperMarket paper, ClosableJournal journal, Desk desk, int n, int[] next, long[][] times,
            FileChannel twoSyncs, long pauseMillis) throws Exception {
        long[] approve = times[0];
        long[] cpu = times[1];
        long[] floor = times[2];
        long[] ends = times[3];
        // the simulated market lists about 100 symbols and makes up no others: one per approval of a batch
        List<String> listed = PaperFactory.simulatedSymbols();
        if (BATCH > listed.size()) {
            throw new IllegalStateException("a batch needs a symbol per approval: " + BATCH + " > " + listed.size());
        }
        int done = 0;
        while (done < n) {
            int batch = Math.min(BATCH, n - done);
            for (int i = 0; i < batch; i++) {
                int k = next[0]++;
                String symbol = listed.get(i);
                List<Bar> bars = paper.marketData().bars(BarRequest.dailyYear(symbol));
                double price = bars.get(bars.size() - 1).close();
                Proposal p = pending(String.format(Locale.ROOT, "prp-%012x", k), symbol, price);
                journal.saveProposal(p);
                long c = THREADS.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                ActionResult r = desk.approve(p.proposalId(), Modification.none());
                long e = System.nanoTime();
                approve[done + i] = e - s;
                ends[done + i] = e - START;
                cpu[done + i] = THREADS.getCurrentThreadCpuTime() - c;
                if (!(r instanceof ActionResult.Done d) || d.proposal().status() != ProposalStatus.EXECUTING) {
                    throw new IllegalStateException("approve failed: " + r);
                }
                floor[done + i] = twoSyncs(twoSyncs, k);
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis); // untimed: approvals at a person's pace (see PAUSE_MILLIS)
                }
            }
            // the risk limits allow 100 open trades, and working brackets count: cancel this batch's at the broker
            // (untimed) and wait until the desk has marked them failed, so the next batch finds the desk as a long
            // session leaves it
            for (int k = next[0] - batch; k < next[0]; k++) {
                paper.broker().cancel(String.format(Locale.ROOT, "prp-%012x", k));
            }
            Set<ProposalStatus> live = EnumSet.of(ProposalStatus.PENDING, ProposalStatus.APPROVED,
                    ProposalStatus.EXECUTING);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!journal.tradesWithStatus(live).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the desk did not mark the cancelled brackets within 60 s: "
                            + journal.tradesWithStatus(live).size() + " still live");
                }
                Thread.sleep(1); // untimed; the desk handles the broker's cancellations on its own thread
            }
            done += batch;
        }
    }

    private static Desk desk(PaperMarket paper, ClosableJournal journal) {
        DeskConfig d = DeskConfig.defaults("bench");
        DeskConfig cfg = new DeskConfig(d.version(), List.of("AAPL"), d.scanInterval(), d.maxAiCandidates(),
                d.weights(), new DeskConfig.RiskLimits(5.0, 100, 100.0, 2.0, 1.5, 0.5), Duration.ofDays(1),
                d.barsForAdvisor(), d.evaluationPeriod());
        InMemorySecretStore secrets = new InMemorySecretStore();
        return DeskFactory.create(cfg, new DeskPorts(paper.broker(), paper.marketData(),
                SignalSourceFactory.create(SignalsConfig.defaults()),
                AdvisorFactory.create(AdvisorConfig.defaults(), secrets, CLOCK), journal, secrets, () -> "bench"),
                CLOCK);
    }

    private static FileChannel preallocated(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        while (zeros.hasRemaining()) {
            ch.write(zeros, zeros.position());
        }
        ch.force(true);
        return ch;
    }

    /** Two synced 1 KiB writes in place: the floor of a durable approval at a separate broker. */
    private static long twoSyncs(FileChannel ch, int k) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(1024);
        long s = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            record.clear();
            record.put(0, (byte) k);
            long at = ((2L * k + i) % 1024) * 1024;
            while (record.hasRemaining()) {
                at += ch.write(record, at);
            }
            ch.force(false);
        }
        return System.nanoTime() - s;
    }

    /** The JIT compiler's time so far, in ms (all its threads). */
    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The collections of every collector of this JVM so far, and their time in ms. */
    private static long[] collections() {
        long n = 0;
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Proposal pending(String id, String symbol, double price) {
        Instant now = CLOCK.instant();
        double entry = Math.round(price * 0.8 * 100) / 100.0; // rests below the market: submitted, not filled
        return new Proposal(id, symbol, Direction.LONG, "breakout", 0.7, 0.7, entry,
                Math.round(entry * 0.97 * 100) / 100.0, Math.round(entry * 1.06 * 100) / 100.0, 1, "bench", List.of(),
                now, now.plus(Duration.ofDays(1)), ProposalStatus.PENDING,
                List.of(new StatusChange(now, Optional.empty(), ProposalStatus.PENDING, "bench")));
    }
}
