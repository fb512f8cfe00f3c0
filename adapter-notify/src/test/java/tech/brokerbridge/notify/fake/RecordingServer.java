package tech.brokerbridge.notify.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A local HTTP server on 127.0.0.1 that records every request as it arrived and answers it through
 * its subclass, unless a scripted answer ({@link #then}) or a hold ({@link #holdAll}) comes first. The
 * base of the fakes shaped like ntfy, the Telegram Bot API and a webhook receiver.
 */
public abstract class RecordingServer implements AutoCloseable {
    /** A request as received; header names lower case. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    /** An answer: status, extra headers, body (JSON unless said otherwise). */
    public record Canned(int status, Map<String, String> headers, String body) {
        public static Canned json(int status, String body) {
            return new Canned(status, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new ArrayList<>();
    private final ConcurrentLinkedQueue<Canned> script = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile Predicate<Recorded> holds = r -> false;
    private final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();

    protected RecordingServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
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

    /** How many requests have been answered so far (a held one is not). */
    public int answered() {
        return answered.get();
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
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

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            Map<String, List<String>> headers = new TreeMap<>();
            x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = x.getRequestURI().getRawPath();
            Recorded r = new Recorded(x.getRequestMethod(), path, headers, body);
            synchronized (this) {
                requests.add(r);
            }
            if (holds.test(r)) {
                hold.await(60, TimeUnit.SECONDS);
            }
            Canned c = scriptable(r) && !script.isEmpty() ? script.poll() : answer(r);
            byte[] bytes = c.body().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            c.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
            x.sendResponseHeaders(c.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(bytes);
                }
            }
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        pool.shutdownNow();
    }
}
