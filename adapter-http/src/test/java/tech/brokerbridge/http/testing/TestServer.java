package tech.brokerbridge.http.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerFactory;
import tech.brokerbridge.http.LocalHttpServer;
import tech.brokerbridge.ports.Secret;

/** A started server on an ephemeral port with a {@link StubDesk} and a {@link MutableClock}. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_TOKEN = "s3cr3t-admin-token-0123456789";

    public final StubDesk desk = new StubDesk();
    public final MutableClock clock = MutableClock.at("2026-03-02T15:00:00Z");
    public final LocalHttpServer server;
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(HttpServerConfig config, Map<String, Object> effectiveConfig) {
        server = HttpServerFactory.create(config, desk, clock, () -> effectiveConfig);
        server.start();
    }

    /** Defaults on port 0, 1000 requests/minute, admin token set. */
    public static HttpServerConfig config() {
        return new HttpServerConfig(0, 1000, Duration.ofSeconds(60), Set.of("desk.example"),
                Optional.of(Secret.of(ADMIN_TOKEN)), HttpServerConfig.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(30),
                2, "1.2.3-test");
    }

    public static TestServer start() {
        return start(c -> c);
    }

    public static TestServer start(UnaryOperator<HttpServerConfig> tweak) {
        return new TestServer(tweak.apply(config()), Map.of("port", 0, "admin_token", "****"));
    }

    public static TestServer start(HttpServerConfig config, Map<String, Object> effectiveConfig) {
        return new TestServer(config, effectiveConfig);
    }

    public int port() {
        return server.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).DELETE().build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
    }
}
