package tech.brokerbridge.ai.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AiExchange;

/**
 * One generate call with its retries. Every attempt, answered or not, is added to the caller's
 * exchange list — request body exactly as sent, response body with the key masked should a provider
 * echo it, status (0 when no response came), URL (which never holds the key), latency and tokens.
 *
 * <p>Retried: 408, 409, 429, 5xx (529 included) and I/O errors other than timeouts, at most
 * {@code maxRetries} times, unless the provider says {@code x-should-retry: false} or asks to wait
 * longer than {@link Limits#MAX_RETRY_WAIT}. A timed-out call is not retried: it already used the
 * time budget. Thread-safe.
 */
final class ProviderCaller {
    private static final String MASK = "[redacted]";
    private final ProviderProtocol protocol;
    private final HttpTransport transport;
    private final URI base;
    private final String model;
    private final Duration timeout;
    private final int maxRetries;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retry;

    ProviderCaller(ProviderProtocol protocol, URI base, String model, Duration timeout, int maxRetries, Clock clock,
            Sleeper sleeper) {
        this.protocol = protocol;
        this.transport = new HttpTransport(base, timeout);
        this.base = base;
        this.model = model;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retry = new RetryPolicy(clock);
        protocol.generateUri(base, model); // fail fast on a model name that cannot form a URL
    }

    /**
     * Sends the conversation and returns the provider's 2xx reply.
     *
     * @throws AdvisorException when no 2xx came; it holds every exchange of {@code log}
     */
    Reply call(List<Message> conversation, String key, List<AiExchange> log) {
        URI uri = protocol.generateUri(base, model);
        String body = protocol.requestBody(model, SystemPrompt.text(), conversation);
        Map<String, String> headers = new HashMap<>(protocol.headers(key));
        for (int attempt = 0; ; attempt++) {
            Instant at = clock.instant();
            long start = System.nanoTime();
            HttpTransport.Response response;
            try {
                response = transport.post(uri, headers, body);
            } catch (HttpConnectTimeoutException e) {
                log.add(noResponse(at, uri, body, start));
                throw fail(AdvisorException.Kind.UNREACHABLE, "cannot connect to " + uri.getHost() + " (timed out)", log, e);
            } catch (HttpTimeoutException e) {
                log.add(noResponse(at, uri, body, start));
                throw fail(AdvisorException.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", log, e);
            } catch (IOException e) {
                log.add(noResponse(at, uri, body, start));
                String what = e instanceof ConnectException ? "cannot connect to " + uri.getHost()
                        : "connection to " + uri.getHost() + " failed";
                if (attempt < maxRetries) {
                    pause(retry.backoff(attempt + 1), log);
                    continue;
                }
                throw fail(AdvisorException.Kind.UNREACHABLE, what, log, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.add(noResponse(at, uri, body, start));
                throw fail(AdvisorException.Kind.UNREACHABLE, "interrupted", log, e);
            }
            String responseBody = mask(response.body(), key);
            if (response.status() / 100 == 2) {
                Reply reply = protocol.reply(responseBody);
                log.add(exchange(at, uri, body, response.status(), responseBody, response.latency(),
                        reply.inputTokens(), reply.outputTokens()));
                return reply;
            }
            log.add(exchange(at, uri, body, response.status(), responseBody, response.latency(),
                    OptionalLong.empty(), OptionalLong.empty()));
            Failure failure = protocol.failure(response.status(), responseBody);
            boolean mayRetry = failure.retryable() && attempt < maxRetries
                    && !"false".equalsIgnoreCase(response.headers().firstValue("x-should-retry").orElse(""));
            if (!mayRetry) {
                throw fail(failure.kind(), failure.message(), log, null);
            }
            Duration wait = retry.waitBefore(attempt + 1, response.headers(), failure.retryDelay());
            if (wait.compareTo(Limits.MAX_RETRY_WAIT) > 0) {
                throw fail(failure.kind(), failure.message() + "; the provider asks to wait "
                        + wait.toSeconds() + " s, longer than " + Limits.MAX_RETRY_WAIT.toSeconds() + " s", log, null);
            }
            pause(wait, log);
        }
    }

    private void pause(Duration wait, List<AiExchange> log) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(AdvisorException.Kind.UNREACHABLE, "interrupted", log, e);
        }
    }

    private AdvisorException fail(AdvisorException.Kind kind, String message, List<AiExchange> log, Throwable cause) {
        return new AdvisorException(kind, message, log, cause);
    }

    private AiExchange noResponse(Instant at, URI uri, String body, long start) {
        return exchange(at, uri, body, 0, "", Duration.ofNanos(System.nanoTime() - start), OptionalLong.empty(),
                OptionalLong.empty());
    }

    private AiExchange exchange(Instant at, URI uri, String body, int status, String response, Duration latency,
            OptionalLong in, OptionalLong out) {
        return new AiExchange(at, protocol.provider(), model, uri.toString(), body, status, response, latency, in, out);
    }

    /** A provider may echo the key in an error (OpenAI shows part of it); never keep it. */
    static String mask(String text, String key) {
        if (text == null) {
            return "";
        }
        return key.isEmpty() ? text : text.replace(key, MASK);
    }
}
