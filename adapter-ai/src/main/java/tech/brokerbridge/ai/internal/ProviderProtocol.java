package tech.brokerbridge.ai.internal;

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

    /** The one header that carries the key: its name. The value is the key, or "Bearer " + key. */
    String authHeaderName();

    /** The auth header's value for that key. */
    String authHeaderValue(String key);

    /** Every other header sent (never a secret). */
    Map<String, String> headers();

    /** The request body: the system prompt, then the conversation turns. */
    String requestBody(String model, String systemPrompt, List<Message> conversation);

    /** Reads a 2xx body. */
    Reply reply(String body);

    /** Classifies a non-2xx answer; {@code body} is already free of secrets. */
    Failure failure(int status, String body);
}
