package tech.brokerbridge.http.internal.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapper: strict when reading (duplicate keys, trailing tokens), plain when writing. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** Serializes maps, lists, strings, numbers and booleans. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /**
     * Parses a request body. An empty body reads as JSON {@code null}.
     *
     * @throws ApiException 400 when the body is not well-formed JSON
     */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MAPPER.nullNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.nullNode() : node;
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON body: " + firstLine(e));
        }
    }

    /**
     * Parses a body that may hold a secret (a credential): like {@link #parse}, but a malformed body is
     * refused without quoting any of it (the parser's messages quote the offending token).
     */
    public static JsonNode parseSensitive(byte[] body) {
        if (body.length == 0) {
            return MAPPER.nullNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.nullNode() : node;
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON body (details withheld: the body may hold a credential)");
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
