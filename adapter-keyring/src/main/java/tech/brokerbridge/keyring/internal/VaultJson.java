package tech.brokerbridge.keyring.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import java.util.SortedMap;

/**
 * The vault's own files as JSON, read and written by Jackson: {@code vault.json} ({@link Metadata}),
 * {@code secrets.json} ({@link Secrets}) and the keyring index ({@link Index}). Written indented by two
 * spaces with a final newline, as they always have been. Members this version does not know are
 * ignored; a member of the wrong JSON type is refused (no coercion from text to numbers or back).
 *
 * <p>Errors never quote the content: it may hold tokens. They say where (line and column, or the
 * member's path), never what.
 */
final class VaultJson {
    private static final ObjectMapper MAPPER = mapper();
    private static final ObjectWriter WRITER = MAPPER.writer(printer());

    private VaultJson() {
    }

    /** {@code vault.json}: the key-derivation parameters and the key check (nothing secret). */
    record Metadata(Long format, String kdf, Long iterations, String salt,
            @JsonProperty("key_check") @JsonInclude(JsonInclude.Include.NON_NULL) String keyCheck) {
    }

    /** {@code secrets.json}: each secret's Fernet token by name. */
    record Secrets(Long format, SortedMap<String, String> secrets) {
    }

    /** The keyring index: the names of the entries (never their values) under {@code service}. */
    record Index(Long format, String service, List<String> names) {
    }

    /** @throws IllegalArgumentException when {@code text} is not JSON of this shape (the message quotes none of it) */
    static <T> T read(String text, Class<T> type) {
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new IllegalArgumentException("JSON: expected an object, found null");
            }
            return value;
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("JSON: a member is missing or of the wrong type" + where(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("JSON: not well-formed" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the vault's JSON", e);
        }
    }

    /** The member's path (names only, never a value), e.g. {@code at secrets.claude.api_key}. */
    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " at " + path;
    }

    private static ObjectMapper mapper() {
        JsonMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
