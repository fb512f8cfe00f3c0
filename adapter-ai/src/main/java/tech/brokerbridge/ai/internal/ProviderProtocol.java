package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One provider's wire format: paths, headers, request body, how to read a success body and how to
 * classify an error body. Stateless and thread-safe; no I/O.
 */
interface ProviderProtocol {
    /** Provider name, e.g. {@code claude}. */
    String provider();

    /** The generate endpoint under the SDK-style base URL. */
    URI generateUri(URI base, String model);

    /** The cheapest authenticated endpoint, for credential tests. */
    URI keyCheckUri(URI base);

    /**
     * Every header of a call with {@code key}: the one header that carries the key (its value the key,
     * or "Bearer " + key) and the others, which never hold a secret.
     */
    Map<String, String> headers(String key);

    /** The request body: the system prompt, then the conversation turns. */
    String requestBody(String model, String systemPrompt, List<Message> conversation);

    /** Reads a 2xx body: unreadable unless it is a JSON object. */
    default Reply reply(String body) {
        return Json.read(body).filter(JsonNode::isObject).map(this::reply).orElseGet(Reply::unreadable);
    }

    /** Reads a 2xx body that is a JSON object. */
    Reply reply(JsonNode root);

    /** Classifies a non-2xx answer; {@code body} is already free of secrets. */
    Failure failure(int status, String body);
}
