package tech.brokerbridge.http.internal.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The one JSON mapper: strict when reading (duplicate keys, trailing tokens); when writing, answer
 * records get one naming policy, snake_case ({@code proposalId} is {@code proposal_id}), an empty
 * {@code Optional} is {@code null}, times are ISO-8601 text. Map keys are written as they are.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {
    }

    /** Serializes an answer record (or maps, lists, strings, numbers and booleans). */
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
        return parse(body, e -> "malformed JSON body: " + firstLine(e));
    }

    /**
     * Parses a body that may hold a secret (a credential): like {@link #parse}, but a malformed body is
     * refused without quoting any of it (the parser's messages quote the offending token).
     */
    public static JsonNode parseSensitive(byte[] body) {
        return parse(body, e -> "malformed JSON body (details withheld: the body may hold a credential)");
    }

    private static JsonNode parse(byte[] body, Function<IOException, String> refusal) {
        if (body.length == 0) {
            return MAPPER.nullNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.nullNode() : node;
        } catch (IOException e) {
            throw ApiException.badRequest(refusal.apply(e));
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
