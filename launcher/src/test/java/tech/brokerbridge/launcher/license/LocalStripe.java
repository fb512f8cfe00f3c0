package tech.brokerbridge.launcher.license;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tech.brokerbridge.launcher.testing.JsonAnswers;

/**
 * A local server shaped like the part of Stripe's API the license uses: subscription retrieve and
 * metadata update, Bearer auth, Stripe's error objects. It counts every call.
 */
final class LocalStripe implements AutoCloseable {
    final Map<String, String> status = new ConcurrentHashMap<>();
    final Map<String, String> boundTo = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    private final String apiKey;
    private final HttpServer server;

    LocalStripe(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/subscriptions/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = ex.getRequestURI().getPath().substring("/v1/subscriptions/".length());
        if (!("Bearer " + apiKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");
            return;
        }
        if (!status.containsKey(id)) {
            send(ex, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                    + "\"param\":\"id\",\"message\":\"No such subscription: '" + id + "'\"}}");
            return;
        }
        if (ex.getRequestMethod().equals("POST")) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals("metadata[brokerbridge_installation]")) {
                    boundTo.put(id, URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                }
            }
        }
        String meta = boundTo.containsKey(id) ? "{\"brokerbridge_installation\":\"" + boundTo.get(id) + "\"}" : "{}";
        send(ex, 200, "{\"id\":\"" + id + "\",\"object\":\"subscription\",\"status\":\"" + status.get(id) + "\","
                + "\"customer\":\"cus_local\",\"metadata\":" + meta + ",\"items\":{\"object\":\"list\",\"data\":[{\"id\":"
                + "\"si_local\",\"object\":\"subscription_item\",\"current_period_start\":1795000000,"
                + "\"current_period_end\":1797600000,\"quantity\":1}],\"has_more\":false,\"url\":\"/v1/subscription_items\"},"
                + "\"created\":1795000000,\"cancel_at_period_end\":false,\"livemode\":false}");
    }

    private static void send(HttpExchange ex, int code, String json) throws IOException {
        JsonAnswers.send(ex, code, json, "Request-Id", "req_local");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
