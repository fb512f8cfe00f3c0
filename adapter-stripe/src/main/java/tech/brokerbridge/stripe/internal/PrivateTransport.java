package tech.brokerbridge.stripe.internal;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP transport under stripe-java that sends only what a request strictly needs.
 *
 * <p>Why: stripe-java's own transport adds {@code X-Stripe-Client-User-Agent} (OS name, version and
 * architecture, JVM vendor and version, AI coding tools detected from environment variables, and a
 * telemetry id stored under {@code ~/.config/stripe} while telemetry is on) and its response getter
 * adds {@code X-Stripe-Client-Telemetry} (timings of earlier requests) unless the process-wide
 * {@code Stripe.enableTelemetry} is false. stripe-java 33.3.0 has no per-client switch for either,
 * but it lets a client bring its own {@link HttpClient}: this one copies an allow-list of headers and
 * drops the rest, so neither can leave the machine whatever the global switch says.
 *
 * <p>Retries stay the SDK's ({@link HttpClient#requestWithRetries}): it retries when the cause of
 * the {@link ApiConnectionException} thrown here is a {@link ConnectException} or
 * {@link SocketTimeoutException}, so the cause is kept.
 */
final class PrivateTransport extends HttpClient {
    /** Fixed: names the SDK, says nothing about the machine, the user or the account. */
    static final String USER_AGENT = "Stripe/v1 JavaBindings/" + com.stripe.Stripe.VERSION;
    /** The only request headers that leave the machine (plus Content-Type and User-Agent set below). */
    static final List<String> ALLOWED = List.of("Authorization", "Stripe-Version", "Accept", "Idempotency-Key");

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) request.url().openConnection();
            c.setConnectTimeout(request.options().getConnectTimeout());
            c.setReadTimeout(request.options().getReadTimeout());
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestMethod(request.method().name());
            for (String name : ALLOWED) {
                Optional<String> value = request.headers().firstValue(name);
                if (value.isPresent()) {
                    c.setRequestProperty(name, value.get());
                }
            }
            c.setRequestProperty("User-Agent", USER_AGENT);
            HttpContent content = request.content();
            if (content != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", content.contentType());
                try (OutputStream out = c.getOutputStream()) {
                    out.write(content.byteArrayContent());
                }
            }
            int code = c.getResponseCode();
            HttpHeaders headers = HttpHeaders.of(responseHeaders(c));
            String body = read(code >= 200 && code < 300 ? c.getInputStream() : c.getErrorStream());
            return new StripeResponse(code, headers, body);
        } catch (IOException e) {
            throw new ApiConnectionException(describe(e), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static Map<String, List<String>> responseHeaders(HttpURLConnection c) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : c.getHeaderFields().entrySet()) {
            if (e.getKey() != null) { // the status line comes with a null name
                headers.put(e.getKey(), e.getValue());
            }
        }
        return headers;
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A reason without any URL part that could carry a key or subscription id. */
    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "could not connect to Stripe (connection refused or no route)";
        }
        if (e instanceof SocketTimeoutException) {
            return "Stripe did not answer in time";
        }
        if (e instanceof UnknownHostException) {
            return "Stripe's host name could not be resolved (no network or no DNS)";
        }
        return "the connection to Stripe failed (" + e.getClass().getSimpleName() + ")";
    }
}
