package tech.brokerbridge.ibkr.bench;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.ClientSettings;
import tech.brokerbridge.ibkr.internal.IbkrBroker;
import tech.brokerbridge.ibkr.internal.IbkrClient;
import tech.brokerbridge.ibkr.internal.conn.Sleeper;
import tech.brokerbridge.ibkr.internal.conn.Ticker;
import tech.brokerbridge.ibkr.internal.market.TradingHours;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.InboundDecoder;
import tech.brokerbridge.ibkr.internal.msg.InboundEncoder;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.order.BracketPlanner;
import tech.brokerbridge.ibkr.internal.wire.FieldWriter;
import tech.brokerbridge.ibkr.internal.wire.FrameDecoder;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ibkr.fake.Rig;

/**
 * Benchmark harness (run by bench/ibkr/run.sh, not by the test suite): codec throughput on one
 * thread, and bracket submit-to-acknowledgement latency against the fake gateway over loopback.
 * Results go to the log (SLF4J).
 */
public final class IbkrBench {
    private static final Logger LOG = LoggerFactory.getLogger(IbkrBench.class);
    private static final int SV = 176;
    private static volatile Object sink;
    /**
     * The pause after each bracket and after each round trip. IB allows 50 messages in any second and
     * a bracket sends its three at once: the 50 messages before a bracket's last leg span 12 pairs, so
     * a pair must take over 1000 / 12 = 83.3 ms or the pacer holds that leg (with 40 ms pauses it held
     * about one bracket in four, for up to 16 ms, and only brackets).
     */
    private static final long PAUSE_MS = 45;
    /** The JIT warm-up ends when two rounds of 1,000 pairs in a row took the JIT less compilation time than this. */
    private static final long JIT_QUIET_MS = 20;

    private IbkrBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "codec";
        if (mode.equals("codec")) {
            double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
            codec("warm-up", seconds / 2);
            LOG.info("RESULT {}", codec("codec", seconds));
        } else {
            int brackets = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
            int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 200;
            int jitPairs = args.length > 3 ? Integer.parseInt(args[3]) : 40_000;
            LOG.info("RESULT {}", latency(brackets, warmUp, jitPairs));
        }
    }

    /**
     * The production codec alone: client messages encoded by {@link Outbound#encode} into one buffer,
     * and server messages (framed once, before timing, by the test encoder) split by the
     * {@link FrameDecoder} and decoded by the {@link InboundDecoder}: what one socket write and one
     * socket read carry. Reported per CPU-second of the thread and per wall-clock second.
     */
    private static String codec(String label, double seconds) throws java.io.IOException {
        Contract aapl = Contract.stock("AAPL", "SMART", "USD");
        List<Outbound> out = List.of(
                new Outbound.PlaceOrder(11, aapl, new OrderParams("BUY", 100, "LMT", 150.25, Double.MAX_VALUE, "DAY", "",
                        "DU1234567", "prop-1", false, 0, false)),
                new Outbound.ReqHistoricalData(7, aapl, "", "1 day", "1 Y", true, "TRADES", 1, false),
                new Outbound.CancelOrder(11), new Outbound.ReqAllOpenOrders());
        Inbound.Execution exec = new Inbound.Execution("0000e0d5.6571.01.01", "20260302 15:30:01 US/Eastern",
                "DU1234567", "ISLAND", "BOT", 100, 150.25, 12345L, 1, 0, 100, 150.25, "prop-1", "", 0.0, "", 1);
        Contract held = new Contract(265598, "AAPL", "STK", "", 0.0, "", "", "NASDAQ", "", "USD", "AAPL", "NMS");
        List<Inbound> in = List.of(
                new Inbound.OrderStatus(11, "Submitted", 0, 100, 0.0, 12345L, 0, 0.0, 1, "", 0.0),
                new Inbound.OpenOrder(11, held, "BUY", 100, "LMT", 150.25, Double.MAX_VALUE, "DAY", "", "DU1234567",
                        "prop-1", 1, 12345L, 0, "Submitted", ""),
                new Inbound.ExecDetails(-1, 11, held, exec),
                new Inbound.ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm", ""),
                new Inbound.UpdateAccountValue("NetLiquidation", "100000.00", "USD", "DU1234567"));
        int batch = 64;
        FieldWriter w = new FieldWriter(1024);
        InboundEncoder ie = new InboundEncoder(SV);
        ByteArrayOutputStream framed = new ByteArrayOutputStream(64 * 1024);
        for (int i = 0; i < batch; i++) { // the server side is the test's encoder: not timed
            w.reset();
            ie.encode(in.get(i % in.size()), w);
            w.writeTo(framed);
        }
        byte[] inbound = framed.toByteArray();
        InboundDecoder id = new InboundDecoder(SV);
        FrameDecoder inFrames = new FrameDecoder();
        Reusable outBuf = new Reusable(64 * 1024);
        long msgs = 0;
        long bytes = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            outBuf.reset();
            for (int i = 0; i < batch; i++) {
                w.reset();
                out.get(i % out.size()).encode(w, SV);
                w.writeTo(outBuf);
            }
            sink = outBuf;
            inFrames.feed(inbound, 0, inbound.length, p -> sink = id.decode(p));
            bytes += outBuf.size() + inbound.length;
            msgs += 2L * batch;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return String.format("%s, production codec alone: %.0f msg/s per CPU-second of the thread, %.0f msg/s per"
                + " wall-clock second (%d msgs in %.2f s wall, %.2f s CPU, %.0f MB per CPU-second; half encoded"
                + " client->server incl. placeOrder, half decoded server->client incl. openOrder/execDetails)"
                + " (goal >= 500,000 msg/s: %s)", label, msgs / cpu, msgs / s, msgs, s, cpu, bytes / cpu / 1e6,
                msgs / s >= 500_000 ? "met in wall-clock time" : msgs / cpu >= 500_000 ? "met in CPU time only"
                        : "MISSED");
    }

    /** A byte sink whose buffer is reused between batches (the socket's buffered stream, without the socket). */
    private static final class Reusable extends ByteArrayOutputStream {
        Reusable(int size) {
            super(size);
        }
    }

    /**
     * Bracket submit-to-acknowledgement against the fake gateway, and in the same run, interleaved with
     * it, the bare round trip of the same connection (reqCurrentTime → currentTime): the limit. A second
     * baseline, for information: the same three placeOrder frames written by a bare client on a raw
     * socket of its own, which reads on the calling thread until each leg has its first answer
     * ({@link RawBracketClient}). The JIT first compiles the measured paths ({@link #jitWarmUp}); then
     * the first {@code warmUp} triples are not measured.
     */
    private static String latency(int n, int warmUp, int jitMax) throws Exception {
        if (n < 10) {
            throw new IllegalArgumentException("need at least 10 brackets");
        }
        // a running desk has long compiled its codec: warm the same paths before measuring
        codec("warm-up", 2.0);
        // the client's pacer sleeps through this sleeper: count its waits, which would be measured
        java.util.concurrent.atomic.AtomicLong paced = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong pacedNanos = new java.util.concurrent.atomic.AtomicLong();
        Sleeper counting = d -> {
            paced.incrementAndGet();
            pacedNanos.addAndGet(d.toNanos());
            Sleeper.SYSTEM.sleep(d);
        };
        // the measured session starts first, then the JIT warm-up's sessions (their pacers' waits skipped): a
        // session's start takes paths that would make the JIT drop compiled code of the steady state and
        // compile it again, while measuring
        try (Setup measured = new Setup(counting)) {
            FakeGateway gw = measured.gw;
            IbkrClient client = measured.client;
            RawBracketClient raw = measured.raw;
            IbkrBroker broker = client.broker();
            int jitDone = 0;
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory
                    .getCompilationMXBean();
            long jitBefore = 0;
            long[] firstFrame = measured.firstFrame;
            long[][] bracket = new long[4][n]; // total, then caller->gateway, gateway, gateway->caller
            long[][] trip = new long[4][n];
            long[][] bare = new long[4][n];
            for (int i = -warmUp; i < n; i++) { // triples before 0 warm up, unmeasured
                if (i == -warmUp + Math.min(warmUp, 5) && jitMax > 0) {
                    // after a few triples of the measured session, so that the code the JIT compiles has seen
                    // them take their first-time branches (an empty order book, a thread's first thread-local)
                    jitDone = jitWarmUp(jitMax);
                }
                if (i == 0) {
                    paced.set(0);
                    pacedNanos.set(0);
                    jitBefore = jit.getTotalCompilationTime();
                }
                BracketOrder b = order(i < 0 ? "warm-" + -i : "bench-" + i);
                long t0 = System.nanoTime();
                SubmitResult r = broker.submitBracket(b);
                long t1 = System.nanoTime();
                if (!(r instanceof SubmitResult.Accepted)) {
                    throw new IllegalStateException("not accepted: " + r);
                }
                // three messages per bracket and one per round trip on the client's connection: stay under
                // IB's 50 messages in any second, so the pacer never holds a send (see PAUSE_MS)
                Thread.sleep(PAUSE_MS);
                record(bracket, i, t0, t1, firstFrame[0], gw.lastAnswerFlushedNanos);
                long t2 = System.nanoTime();
                client.currentTime();
                long t3 = System.nanoTime();
                Thread.sleep(PAUSE_MS);
                record(trip, i, t2, t3, firstFrame[0], gw.lastAnswerFlushedNanos);
                // the raw baseline takes its order ids from the client's counter, so that ids keep growing
                int id = client.allocateOrderIds(3);
                byte[] frames = raw.encode(BracketPlanner.plan(order("raw-" + i), id,
                        Contract.stock("AAPL", "SMART", "USD"), "DU1234567", TradingHours.regular(Instant.now())));
                long t4 = System.nanoTime();
                int read = raw.submit(frames, id, 3);
                long t5 = System.nanoTime();
                raw.skip(6 - read); // openOrder + orderStatus per leg
                Thread.sleep(PAUSE_MS);
                record(bare, i, t4, t5, firstFrame[0], gw.lastAnswerFlushedNanos);
                gw.received.clear(); // the fake's request log, a copy-on-write list: kept short
            }
            long jitWhile = jit.getTotalCompilationTime() - jitBefore;
            double ratio = pct(sorted(bracket[0]), 99) / pct(sorted(trip[0]), 99);
            double rawRatio = pct(sorted(bracket[0]), 99) / pct(sorted(bare[0]), 99);
            String[] hop = {"caller -> gateway read the first frame", "gateway: first frame read -> answers flushed",
                "answers flushed -> caller back"};
            for (int h = 1; h < 4; h++) {
                LOG.info("RESULT hop {}: bracket {}; round trip {}; raw bracket {}", hop[h - 1],
                        spread(sorted(bracket[h])), spread(sorted(trip[h])), spread(sorted(bare[h])));
            }
            String verdict = n < 1000 ? "too few samples for a p99, need 1,000" : ratio <= 1.5 ? "met" : "MISSED";
            return String.format("bracket submit-to-ack over loopback (%d brackets after %d JIT warm-up pairs on"
                    + " gateways of their own and %d unmeasured warm-up triples, each followed by a bare round"
                    + " trip on the same connection and a raw-socket bracket): %s; bare round trip (reqCurrentTime)"
                    + " %s; p99 ratio %.2f (goal <= 1.5: %s), p50 ratio %.2f; raw-socket bracket (same placeOrder"
                    + " bytes, same acknowledgements, read on the calling thread) %s; p99 ratio to it %.2f, p50"
                    + " ratio %.2f; the pacer held sends %d times (%.1f ms), the JIT compiled for %d ms while"
                    + " measuring", n, jitDone, warmUp,
                    spread(sorted(bracket[0])), spread(sorted(trip[0])), ratio, verdict,
                    pct(sorted(bracket[0]), 50) / pct(sorted(trip[0]), 50), spread(sorted(bare[0])), rawRatio,
                    pct(sorted(bracket[0]), 50) / pct(sorted(bare[0]), 50), paced.get(), pacedNanos.get() / 1e6,
                    jitWhile);
        }
    }

    private static BracketOrder order(String ref) {
        return new BracketOrder(ref, "AAPL", Direction.LONG, 10, 100.0, 95.0, 110.0);
    }

    /** One measured operation: its total, and the hops around the gateway's own stamps. */
    private static void record(long[][] into, int i, long start, long end, long gatewayRead, long gatewayFlushed) {
        if (i < 0) {
            return;
        }
        into[0][i] = end - start;
        into[1][i] = gatewayRead - start;
        into[2][i] = gatewayFlushed - gatewayRead;
        into[3][i] = end - gatewayFlushed;
    }

    private static long[] sorted(long[] a) {
        long[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * Runs the measured paths, client and fake gateway alike (and the raw baseline), until the JIT has
     * compiled them: unpaced brackets, round trips and raw brackets against gateways and clients of
     * their own (the pacers' waits skipped), a new pair per round of 1,000, until two rounds
     * in a row took the JIT less than {@link #JIT_QUIET_MS} of compilation each (at least 20,000 pairs, at
     * most {@code maxPairs}), then until the compiler threads have been idle for a second. A running desk has long compiled them; 1,200 paced brackets leave most of the
     * bracket path interpreted or in C1's profiling code, still being compiled while measured. Returns
     * the number of pairs run.
     */
    private static int jitWarmUp(int maxPairs) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long t0 = System.nanoTime();
        int i = 0;
        long compiled = jit.getTotalCompilationTime();
        long round = Long.MAX_VALUE;
        int quiet = 0; // rounds in a row
        while (i < maxPairs && (i < 20_000 || quiet < 2)) {
            // a gateway and client per round, closed after it: their order books stay small (kept, 20,000
            // brackets' state made the measured run's young collections take tens of ms), and the close
            // paths are compiled along with the rest, so the last close does not drop compiled code
            try (Setup w = new Setup(d -> { })) {
                IbkrBroker broker = w.client.broker();
                for (int k = 0; k < 1_000; k++, i++) {
                    SubmitResult r = broker.submitBracket(order("jit-" + i));
                    if (!(r instanceof SubmitResult.Accepted)) {
                        throw new IllegalStateException("not accepted: " + r);
                    }
                    w.client.currentTime();
                    int id = w.client.allocateOrderIds(3);
                    byte[] frames = w.raw.encode(BracketPlanner.plan(order("jit-raw-" + i), id,
                            Contract.stock("AAPL", "SMART", "USD"), "DU1234567", TradingHours.regular(Instant.now())));
                    w.raw.skip(6 - w.raw.submit(frames, id, 3));
                    w.gw.received.clear();
                }
            }
            long now = jit.getTotalCompilationTime();
            round = now - compiled;
            compiled = now;
            quiet = round < JIT_QUIET_MS ? quiet + 1 : 0;
        }
        // then let the compiler threads finish what is queued (on a busy machine they lag): until no
        // compilation finished for a second, at most 15 s
        long idleSince = System.nanoTime();
        long deadline = idleSince + 15_000_000_000L;
        while (System.nanoTime() - idleSince < 1_000_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = jit.getTotalCompilationTime();
            if (now != compiled) {
                compiled = now;
                idleSince = System.nanoTime();
            }
        }
        LOG.info("JIT warm-up: {} unpaced brackets, round trips and raw brackets in {} ms, last 1,000: {} ms of"
                + " compilation", i, (System.nanoTime() - t0) / 1_000_000, round);
        return i;
    }

    /** A fake gateway, a client over the given pacing sleeper, and a raw-socket client (id 2), connected. */
    private static final class Setup implements AutoCloseable {
        final FakeGateway gw;
        final IbkrClient client;
        final RawBracketClient raw;
        /** When the gateway read the current operation's first frame (it stamps when it flushed its answers). */
        final long[] firstFrame = new long[1];

        Setup(Sleeper sleeper) throws Exception {
            gw = new FakeGateway().start();
            gw.beforeAnswer = m -> {
                if (m instanceof Outbound.PlaceOrder p && p.order().parentId() == 0 || m instanceof Outbound.ReqCurrentTime) {
                    firstFrame[0] = gw.lastFrameReadNanos;
                }
            };
            client = new IbkrClient(Rig.settings(gw.port(), 1, Duration.ofSeconds(10)).withTiming(sleeper,
                    Ticker.SYSTEM, () -> 0.5));
            client.start();
            client.awaitReady(Duration.ofSeconds(10));
            raw = new RawBracketClient(gw.port(), 2, SV);
        }

        @Override
        public void close() throws Exception {
            raw.close();
            client.close();
            gw.close();
        }
    }

    /** A sorted sample's distribution: runs on a shared machine are noisy, one percentile says little. */
    private static String spread(long[] sorted) {
        return String.format("p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

}
