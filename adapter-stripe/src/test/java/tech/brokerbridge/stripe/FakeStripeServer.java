package tech.brokerbridge.stripe;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server shaped like the part of Stripe's API the license uses: subscription retrieve
 * ({@code GET /v1/subscriptions/{id}}), metadata update ({@code POST /v1/subscriptions/{id}},
 * form-encoded, brackets literal or percent-encoded, an empty value removes the key), Bearer and
 * Basic auth, Stripe's error objects with a {@code Request-Id} on every answer, and POST replay by
 * {@code Idempotency-Key}. It records every request and can turn slow, answer any status, or go down.
 */
final class FakeStripeServer implements AutoCloseable {
    static final long PERIOD_START = 1_767_225_600L; // 2026-01-01T00:00:00Z
    static final long PERIOD_END = 1_769_904_000L; // 2026-02-01T00:00:00Z

    /** One request as it arrived. Header names are lower-cased. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    private record Canned(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, String> statuses = new HashMap<>();
    private final Map<String, Map<String, String>> metadata = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<String> readOnlyKeys = new HashSet<>();
    private final Map<String, Canned> idempotent = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Canned override;
    private volatile Duration slow = Duration.ZERO;

    FakeStripeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API base to give the client: {@code http://127.0.0.1:PORT}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized FakeStripeServer acceptKey(String key) {
        keys.add(key);
        return this;
    }

    /** A key that may read but not write (403 on update). */
    synchronized FakeStripeServer readOnlyKey(String key) {
        readOnlyKeys.add(key);
        return this;
    }

    synchronized FakeStripeServer addSubscription(String id, String status) {
        statuses.put(id, status);
        metadata.put(id, new LinkedHashMap<>());
        return this;
    }

    synchronized void setStatus(String id, String status) {
        statuses.put(id, status);
    }

    synchronized Map<String, String> metadata(String id) {
        return Map.copyOf(metadata.get(id));
    }

    /** Every request answers this status and JSON error object until {@link #normal()}. */
    void answerError(int status, String type, String code, String message, Map<String, String> headers) {
        StringBuilder err = new StringBuilder("{\"error\":{\"type\":").append(json(type));
        if (code != null) {
            err.append(",\"code\":").append(json(code));
        }
        err.append(",\"message\":").append(json(message)).append("}}");
        override = new Canned(status, "application/json", err.toString(), headers);
    }

    /** Every request answers exactly this until {@link #normal()}. */
    void answerRaw(int status, String contentType, String body) {
        override = new Canned(status, contentType, body, Map.of());
    }

    void normal() {
        override = null;
        slow = Duration.ZERO;
    }

    /** Every request waits this long before answering (released at once by {@link #close()}). */
    void slow(Duration d) {
        slow = d;
    }

    /** Stops listening: connections are refused from now on. */
    void down() {
        if (!stopped.getAndSet(true)) {
            server.stop(0);
        }
    }

    synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    synchronized int hits() {
        return requests.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), lowerCased(ex.getRequestHeaders()), body);
            synchronized (this) {
                requests.add(r);
            }
            waitIfSlow();
            Canned c = override != null ? override : answer(r);
            send(ex, c);
        }
    }

    private void waitIfSlow() {
        Duration d = slow;
        if (d.isZero()) {
            return;
        }
        try {
            closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Canned answer(Recorded r) {
        Optional<String> key = apiKey(r);
        if (key.isEmpty() || !(keys.contains(key.get()) || readOnlyKeys.contains(key.get()))) {
            String shown = key.map(k -> k.length() > 4 ? k.substring(0, Math.min(8, k.length())) + "****"
                    + k.substring(k.length() - 4) : "****").orElse("");
            return error(401, "invalid_request_error", null, key.isEmpty()
                    ? "You did not provide an API key." : "Invalid API Key provided: " + shown);
        }
        String prefix = "/v1/subscriptions/";
        if (!r.path().startsWith(prefix) || r.path().length() == prefix.length()) {
            return error(404, "invalid_request_error", null, "Unrecognized request URL (" + r.method() + ": "
                    + r.path() + ").");
        }
        String id = URLDecoder.decode(r.path().substring(prefix.length()), StandardCharsets.UTF_8);
        if (!statuses.containsKey(id)) {
            return error(404, "invalid_request_error", "resource_missing", "No such subscription: '" + id + "'");
        }
        if (r.method().equals("GET")) {
            return ok(subscription(id));
        }
        if (!r.method().equals("POST")) {
            return error(405, "invalid_request_error", null, "method not allowed");
        }
        if (readOnlyKeys.contains(key.get())) {
            return error(403, "invalid_request_error", null, "The provided key does not have the required "
                    + "permissions for this endpoint.");
        }
        Optional<String> idem = r.header("Idempotency-Key");
        if (idem.isPresent() && idempotent.containsKey(idem.get())) {
            return idempotent.get(idem.get());
        }
        for (Map.Entry<String, String> e : form(r.body()).entrySet()) {
            if (e.getKey().startsWith("metadata[") && e.getKey().endsWith("]")) {
                String k = e.getKey().substring("metadata[".length(), e.getKey().length() - 1);
                if (e.getValue().isEmpty()) {
                    metadata.get(id).remove(k);
                } else {
                    metadata.get(id).put(k, e.getValue());
                }
            }
        }
        Canned c = ok(subscription(id));
        idem.ifPresent(k -> idempotent.put(k, c));
        return c;
    }

    private static Optional<String> apiKey(Recorded r) {
        Optional<String> auth = r.header("Authorization");
        if (auth.isEmpty()) {
            return Optional.empty();
        }
        String a = auth.get();
        if (a.startsWith("Bearer ")) {
            return Optional.of(a.substring(7).trim());
        }
        if (a.startsWith("Basic ")) {
            String userPass = new String(Base64.getDecoder().decode(a.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = userPass.indexOf(':');
            return Optional.of(colon < 0 ? userPass : userPass.substring(0, colon));
        }
        return Optional.empty();
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private String subscription(String id) {
        StringBuilder meta = new StringBuilder("{");
        for (Map.Entry<String, String> e : metadata.get(id).entrySet()) {
            if (meta.length() > 1) {
                meta.append(',');
            }
            meta.append(json(e.getKey())).append(':').append(json(e.getValue()));
        }
        meta.append('}');
        return "{\"id\":" + json(id) + ",\"object\":\"subscription\",\"status\":" + json(statuses.get(id))
                + ",\"customer\":\"cus_T3st\",\"metadata\":" + meta
                + ",\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_T3st\",\"object\":\"subscription_item\","
                + "\"current_period_start\":" + PERIOD_START + ",\"current_period_end\":" + PERIOD_END
                + ",\"quantity\":1,\"price\":{\"id\":\"price_T3st\",\"object\":\"price\",\"product\":\"prod_T3st\"}}],"
                + "\"has_more\":false,\"url\":\"/v1/subscription_items?subscription=" + id + "\"},"
                + "\"created\":" + PERIOD_START + ",\"cancel_at_period_end\":false,\"livemode\":false}";
    }

    private static Canned ok(String body) {
        return new Canned(200, "application/json", body, Map.of());
    }

    private static Canned error(int status, String type, String code, String message) {
        StringBuilder err = new StringBuilder("{\"error\":{\"type\":").append(json(type));
        if (code != null) {
            err.append(",\"code\":").append(json(code)).append(",\"param\":\"id\"");
        }
        err.append(",\"message\":").append(json(message)).append("}}");
        return new Canned(status, "application/json", err.toString(), Map.of());
    }

    private void send(HttpExchange ex, Canned c) throws IOException {
        byte[] bytes = c.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", c.contentType());
        ex.getResponseHeaders().set("Request-Id", "req_" + ids.incrementAndGet());
        c.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(c.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> out = new TreeMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        closing.countDown();
        down();
        pool.shutdownNow();
    }
}
