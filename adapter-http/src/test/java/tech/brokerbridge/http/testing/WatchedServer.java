package tech.brokerbridge.http.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.http.LocalHttpServer;

/**
 * A server under test, started here, that keeps every answer it gives through {@link #send}; closing it
 * stops the server and asserts that no answer held one of the planted secrets, in its body or its headers.
 */
public final class WatchedServer implements AutoCloseable {
    private final LocalHttpServer server;
    private final List<String> planted;
    private final TestServer client = TestServer.start();
    private final List<HttpResponse<String>> answers = new ArrayList<>();

    public WatchedServer(LocalHttpServer server, String... planted) {
        this.server = server;
        this.planted = List.of(planted);
        server.start();
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request);
        answers.add(r);
        return r;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A second server, with the defaults of {@link TestServer}; its answers are not watched. */
    public TestServer defaults() {
        return client;
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
        client.close();
        for (HttpResponse<String> r : answers) {
            for (String secret : planted) {
                assertFalse(r.body().contains(secret), () -> "an answer holds a planted secret: " + r.body());
                assertFalse(r.headers().toString().contains(secret), "a header holds a planted secret");
            }
        }
    }
}
