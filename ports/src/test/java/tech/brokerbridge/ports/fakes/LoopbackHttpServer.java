package tech.brokerbridge.ports.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the loopback fakes shaped like an outside service (an AI provider, a notification
 * channel): a JDK HTTP server on an ephemeral 127.0.0.1 port, started by the constructor, that reads
 * each request whole, records it exactly as it arrived and sends what the subclass {@link #reply}s.
 * Requests are handled on a thread each, so a reply may block (a held or slow answer).
 */
public abstract class LoopbackHttpServer implements AutoCloseable {
    /** A request as received: raw path and query, header names lower case with values as sent, the body. */
    public record Recorded(String method, String path, Optional<String> query, Map<String, List<String>> headers,
            String body) {
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        /** Path and query as they appeared on the request line. */
        public String target() {
            return path + query.map(q -> "?" + q).orElse("");
        }
    }

    /** An answer to send: status, headers (Content-Type is application/json unless set here), body. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new ArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();

    protected LoopbackHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * The answer to {@code request}, which is already recorded; empty to close the exchange unanswered
     * (e.g. the server closed while holding it). May block; an interrupt ends it unanswered.
     */
    protected abstract Optional<Reply> reply(Recorded request) throws InterruptedException;

    /** {@code http://127.0.0.1:<port>}. */
    protected URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request so far, in the order received. */
    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests have been answered so far (a held one is not). */
    public int answered() {
        return answered.get();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    Optional.ofNullable(ex.getRequestURI().getRawQuery()), headers, body);
            synchronized (requests) {
                requests.add(r);
            }
            Optional<Reply> reply = reply(r);
            if (reply.isEmpty()) {
                return;
            }
            byte[] bytes = reply.get().body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            reply.get().headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(reply.get().status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    /** Stops listening and the request threads (a held request is interrupted). */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
