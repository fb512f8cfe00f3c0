package tech.brokerbridge.ai.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One JDK {@link HttpClient} per provider (it pools and reuses connections). HTTP/2 over https (with
 * fallback to 1.1 as negotiated); plain HTTP/1.1 over http, so that a local proxy or fake never sees
 * an {@code Upgrade: h2c} request. Redirects are never followed, so the key cannot be sent elsewhere.
 */
final class HttpTransport {
    private final HttpClient client;
    private final Duration timeout;

    record Response(int status, HttpHeaders headers, String body, Duration latency) {
    }

    HttpTransport(URI base, Duration timeout) {
        this.timeout = timeout;
        boolean https = "https".equals(base.getScheme().toLowerCase(Locale.ROOT));
        Duration connect = timeout.compareTo(Limits.MAX_CONNECT_TIMEOUT) < 0 ? timeout : Limits.MAX_CONNECT_TIMEOUT;
        this.client = HttpClient.newBuilder()
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Response post(URI uri, Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build());
    }

    Response get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.headers(), r.body(), Duration.ofNanos(System.nanoTime() - start));
    }
}
