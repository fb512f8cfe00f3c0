package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A daemon's HTTP API on 127.0.0.1 for the child-JVM tests: JSON in, JSON out, 200 expected. */
record DaemonApi(int port) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    JsonNode get(String path) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    JsonNode post(String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        b = json.isEmpty() ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return JSON.readTree(send(b));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.uri() + " → " + r.body());
        return r.body();
    }
}
