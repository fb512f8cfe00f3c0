package tech.brokerbridge.ai.fake;

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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 shaped like one AI provider's API ({@link ProviderApi}). It records
 * every request exactly as it arrived (method, raw path and query, every header, body) and answers
 * with the next scripted answer ({@link #then}), or else like the provider would: its own error when a
 * precondition fails, its bad-key error when the auth header does not hold exactly the expected key,
 * the model list to a key check, the test's answer ({@link #answering}; by default a valid decision) to
 * a generate request, and a 404 to anything else.
 */
public final class FakeProviderServer implements AutoCloseable {
    /** A request as received; header names lower case, values as sent. */
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

    private final ProviderApi api;
    private final String validKey;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Canned> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private volatile Canned badKey;
    private volatile Function<Recorded, Canned> onGenerate;

    /** Starts a server on an ephemeral loopback port that accepts {@code validKey}. */
    public FakeProviderServer(ProviderApi api, String validKey) {
        this.api = api;
        this.validKey = validKey;
        this.badKey = api.badKey();
        this.onGenerate = r -> api.ok(ProviderJson.VALID_ANSWER);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Generate requests with the right key get this answer. */
    public FakeProviderServer answering(Function<Recorded, Canned> answer) {
        this.onGenerate = answer;
        return this;
    }

    /** Requests without the right key get this answer instead of the provider's bad-key error. */
    public FakeProviderServer refusingKeysWith(Canned answer) {
        this.badKey = answer;
        return this;
    }

    /** The next requests get these answers, in order, whatever they ask. */
    public FakeProviderServer then(Canned... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** The base URL to configure, as the provider's SDK defines it (e.g. {@code http://127.0.0.1:p/v1}). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + api.basePath());
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public Recorded last() {
        List<Recorded> all = requests();
        return all.get(all.size() - 1);
    }

    /** The generate requests only. */
    public List<Recorded> generateRequests() {
        return requests().stream().filter(r -> api.isGenerate(r.method(), r.path())).toList();
    }

    /** Waits (bounded) until the first request arrived. */
    public boolean awaitFirstRequest(long seconds) throws InterruptedException {
        return firstRequest.await(seconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    Optional.ofNullable(ex.getRequestURI().getRawQuery()), headers, body);
            synchronized (requests) {
                requests.add(r);
            }
            firstRequest.countDown();
            Canned answer = Optional.ofNullable(script.poll()).orElseGet(() -> answer(r));
            if (!answer.delay().isZero() && closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return; // closed while holding the answer
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private Canned answer(Recorded r) {
        Optional<Canned> refused = api.precondition(r);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!r.headers().getOrDefault(api.authHeader(), List.of()).equals(List.of(api.authValue(validKey)))) {
            return badKey;
        }
        if (api.isKeyCheck(r.method(), r.path())) {
            return Canned.of(200, api.modelList());
        }
        if (api.isGenerate(r.method(), r.path())) {
            return onGenerate.apply(r);
        }
        return ProviderJson.error(404, Map.of("error", Map.of("message", "no route " + r.path())));
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
