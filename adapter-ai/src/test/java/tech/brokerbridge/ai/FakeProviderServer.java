package tech.brokerbridge.ai;

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

/**
 * A local HTTP server on 127.0.0.1 shaped like one AI provider's API ({@link Flavor}). It records
 * every request as received (method, path, query, headers, body) and answers with the next scripted
 * response, or — when the script is empty — like the provider would: it checks the path and the key
 * and returns a valid decision, a model list, or the provider's own error body.
 */
final class FakeProviderServer implements AutoCloseable {
    /** A request as the server saw it; header names lower-case. */
    record Recorded(String method, String path, Optional<String> query, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    /** A scripted answer; {@code hang} holds the response until the server closes. */
    record Canned(int status, Map<String, String> headers, String body, boolean hang) {
        static Canned of(int status, String body) {
            return new Canned(status, Map.of(), body, false);
        }

        Canned withHeader(String name, String value) {
            Map<String, String> h = new TreeMap<>(headers);
            h.put(name, value);
            return new Canned(status, h, body, hang);
        }

        static Canned hanging() {
            return new Canned(200, Map.of(), "{}", true);
        }
    }

    private final Flavor flavor;
    private final String validKey;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Canned> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeProviderServer(Flavor flavor, String validKey) {
        this.flavor = flavor;
        this.validKey = validKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure, as the provider's SDK defines it (e.g. {@code http://127.0.0.1:p/v1}). */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + flavor.basePath());
    }

    FakeProviderServer then(Canned... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    Recorded last() {
        List<Recorded> all = requests();
        return all.get(all.size() - 1);
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
            Canned answer = script.poll();
            if (answer == null) {
                answer = flavor.respond(r, validKey);
            }
            if (answer.hang()) {
                closing.await(10, TimeUnit.SECONDS);
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
            // the client went away (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
