package tech.brokerbridge.notify.internal.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.notify.internal.delivery.Delivery;

/**
 * One HTTP POST of a body, bounded by a timeout, with the outcome as a {@link Delivery}: 2xx sent;
 * 429, 408 and 5xx may go through later (with the server's {@code Retry-After} in seconds, when given);
 * any other status is refused for good; a connection problem or timeout may go through later.
 */
public final class HttpPost {
    /**
     * Made at the first post, not with the desk: building an {@link HttpClient} initialises TLS (the JDK's
     * CA certificates, ~350 classes) and starts a selector thread, about 0.2 s of every start, also when no
     * channel is configured.
     */
    private volatile HttpClient client;
    private final Duration timeout;

    public Duration timeout() {
        return timeout;
    }

    /** An HTTP answer. */
    public record Answer(int status, Optional<String> retryAfter, String body) {
    }

    public HttpPost(Duration timeout) {
        this.timeout = timeout;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    // the client's connect timeout; each request also has its own timeout
                    c = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1).build();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * Posts {@code body} to {@code url} with these headers.
     *
     * @throws IOException on a connection problem or a timeout
     * @throws InterruptedException when the sending thread is stopped
     */
    public Answer post(URI url, String body, Map<String, String> headers) throws IOException, InterruptedException {
        return post(url, body, headers, timeout);
    }

    /** {@link #post(URI, String, Map)} with a timeout of its own (a long poll). */
    public Answer post(URI url, String body, Map<String, String> headers, Duration wait)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(wait)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> r = client().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Retry-After"), r.body());
    }

    /**
     * Posts and tells what became of it; {@code retryAfter} reads a wait the body may ask for (Telegram).
     * An interrupt (the desk stopping) ends the call as a retry, with the thread's interrupt flag set.
     */
    public Delivery deliver(URI url, String body, Map<String, String> headers,
            java.util.function.Function<Answer, Optional<Duration>> retryAfter) {
        Answer a;
        try {
            a = post(url, body, headers);
        } catch (HttpTimeoutException e) {
            return new Delivery.Retry(Optional.empty(), "timed out after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Delivery.Retry(Optional.empty(), "unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Retry(Optional.empty(), "interrupted: the desk is stopping");
        }
        return judge(a, retryAfter.apply(a));
    }

    /** The delivery an answer makes, given the wait it asked for. */
    public static Delivery judge(Answer a, Optional<Duration> asked) {
        String detail = "HTTP " + a.status();
        int s = a.status();
        if (s >= 200 && s < 300) {
            return new Delivery.Sent(detail);
        }
        if (s == 429 || s == 408 || s >= 500) {
            Optional<Duration> wait = asked.or(() -> a.retryAfter().flatMap(HttpPost::seconds));
            return new Delivery.Retry(wait, detail + wait.map(w -> " (retry after " + w.toSeconds() + " s)").orElse(""));
        }
        return new Delivery.Failed(detail + excerpt(a.body()));
    }

    /** A {@code Retry-After} in whole seconds (an HTTP date is not honoured: the backoff applies). */
    static Optional<Duration> seconds(String header) {
        String h = header.strip();
        return h.matches("\\d{1,6}") ? Optional.of(Duration.ofSeconds(Long.parseLong(h))) : Optional.empty();
    }

    private static String excerpt(String body) {
        String b = body.strip().replaceAll("\\s+", " ");
        if (b.isEmpty()) {
            return "";
        }
        return ": " + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
    }
}
