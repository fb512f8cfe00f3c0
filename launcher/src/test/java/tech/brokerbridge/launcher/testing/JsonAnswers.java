package tech.brokerbridge.launcher.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** How the local provider-shaped servers of the launcher's tests (Stripe, AI providers) answer in JSON. */
public final class JsonAnswers {
    private JsonAnswers() {
    }

    /**
     * Sends {@code json} with {@code status} and {@code Content-Type: application/json}, plus the given
     * header name/value pairs, and closes the exchange's body.
     */
    public static void send(HttpExchange x, int status, String json, String... headers) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            x.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }
}
