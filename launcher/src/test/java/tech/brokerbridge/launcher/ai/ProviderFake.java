package tech.brokerbridge.launcher.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local recording HTTP server on 127.0.0.1 shaped like one provider's API. Every request is
 * recorded exactly as it arrived (method, raw path and query, every header, body). A generate
 * request that carries the expected key is answered by the test's {@code onGenerate}, a key check
 * (model list, OpenRouter's key info) with a 200; a wrong or missing key gets the provider's own 401
 * (or the given bad-key answer); any other path a 404.
 */
final class ProviderFake implements AutoCloseable {
    /** A request as received; header names lower case, values as sent. */
    record Recorded(String method, String path, Optional<String> query, Map<String, List<String>> headers,
            String body) {
        /** Path and query as they appeared on the request line. */
        String target() {
            return path + query.map(q -> "?" + q).orElse("");
        }
    }

    private final ProviderApi api;
    private final String key;
    private final Canned badKey;
    private final Function<Recorded, Canned> onGenerate;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch firstRequest = new CountDownLatch(1);

    ProviderFake(ProviderApi api, String key, Function<Recorded, Canned> onGenerate) {
        this(api, key, api.unauthorized(), onGenerate);
    }

    /** A fake that answers {@code badKey} to a request without the right key. */
    ProviderFake(ProviderApi api, String key, Canned badKey, Function<Recorded, Canned> onGenerate) {
        this.api = api;
        this.key = key;
        this.badKey = badKey;
        this.onGenerate = onGenerate;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure, as the provider's SDK defines it. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + api.basePath();
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The generate requests only. */
    List<Recorded> generateRequests() {
        return requests().stream().filter(r -> api.isGenerate(r.method(), r.path())).toList();
    }

    /** Waits (bounded) until the first request arrived. */
    boolean awaitFirstRequest(long seconds) throws InterruptedException {
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
            Canned answer = answer(r);
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
            // the client gave up (a timeout): nothing to answer
        }
    }

    private Canned answer(Recorded r) {
        Optional<Canned> refused = api.precondition(r.headers());
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> auth = r.headers().getOrDefault(api.authHeader(), List.of());
        if (!auth.equals(List.of(api.authValue(key)))) {
            return badKey;
        }
        if (api.isKeyCheck(r.method(), r.path())) {
            return Canned.json(200, api.keyCheckAnswer());
        }
        if (!api.isGenerate(r.method(), r.path())) {
            return Canned.json(404, "{\"error\":{\"message\":\"no route\"}}");
        }
        return onGenerate.apply(r);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
