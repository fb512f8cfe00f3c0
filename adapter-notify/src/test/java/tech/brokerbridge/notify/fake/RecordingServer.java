package tech.brokerbridge.notify.fake;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import tech.brokerbridge.ports.fakes.LoopbackHttpServer;

/**
 * A local HTTP server on 127.0.0.1 that records every request as it arrived and answers it through
 * its subclass, unless a scripted answer ({@link #then}) or a hold ({@link #holdAll}) comes first. The
 * base of the fakes shaped like ntfy, the Telegram Bot API and a webhook receiver.
 */
public abstract class RecordingServer extends LoopbackHttpServer {
    /** An answer: status, extra headers, body (JSON unless said otherwise). */
    public record Canned(int status, Map<String, String> headers, String body) {
        public static Canned json(int status, String body) {
            return new Canned(status, Map.of(), body);
        }
    }

    private final ConcurrentLinkedQueue<Canned> script = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile Predicate<Recorded> holds = r -> false;

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return root();
    }

    /** The next requests the subclass would answer get these answers, in order, instead. */
    public RecordingServer then(Canned... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Requests matching {@code which} get no answer until {@link #release}: a channel that hangs. */
    public void holdAll(Predicate<Recorded> which) {
        hold = new CountDownLatch(1);
        holds = which;
    }

    /** Lets held requests be answered. */
    public void release() {
        holds = r -> false;
        hold.countDown();
    }

    /** What the subclass answers when no script applies. */
    protected abstract Canned answer(Recorded r) throws InterruptedException;

    /** Whether a scripted answer may replace the subclass's answer to {@code r} (e.g. not for a long poll). */
    protected boolean scriptable(Recorded r) {
        return true;
    }

    /** Waits (bounded) until {@code condition} holds; false on timeout. */
    public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20); // polling a condition with a deadline, not standing in for a latch
        }
        return true;
    }

    @Override
    protected Optional<Reply> reply(Recorded r) throws InterruptedException {
        if (holds.test(r)) {
            hold.await(60, TimeUnit.SECONDS);
        }
        Canned c = scriptable(r) && !script.isEmpty() ? script.poll() : answer(r);
        return Optional.of(new Reply(c.status(), c.headers(), c.body()));
    }

    @Override
    public void close() {
        release();
        super.close();
    }
}
