package tech.brokerbridge.launcher.config;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config.json} as the loader and the setup's file editor read it: one JSON object, each name at
 * most once per object, nested at most {@value #MAX_DEPTH} levels (a key has at most three parts), at
 * most {@value #MAX_BYTES} bytes. Every way it can fail is one clear sentence, never an exception
 * trace.
 */
public final class ConfigJson {
    /** The file name in the data directory. */
    public static final String FILE = "config.json";
    static final int MAX_DEPTH = 16;
    static final int MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder(new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ConfigJson() {
    }

    /** The mapper that writes the file (indented). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** A file that could not be read as one JSON object: what to tell the user. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The file's object, or empty when there is no file.
     *
     * @throws Unreadable when something is there that is not a readable JSON object (a directory, not
     *     JSON, too deep, too large, a name given twice)
     */
    public static Optional<ObjectNode> read(Path file) throws Unreadable {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new Unreadable(FILE + ": " + file + " is not a regular file (a directory?); remove or rename it");
        }
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Unreadable(FILE + ": larger than " + MAX_BYTES / 1024 + " KiB; it holds a few settings only");
            }
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (StreamConstraintsException e) {
            throw new Unreadable(FILE + ": nested more than " + MAX_DEPTH + " levels deep; a key has at most three"
                    + " parts (e.g. {\"ai_provider\": {\"base_urls\": {\"claude\": …}}})");
        } catch (JsonProcessingException e) {
            throw new Unreadable(FILE + ": not valid JSON" + where(e.getLocation()) + duplicate(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Unreadable(FILE + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable(FILE + ": must hold one JSON object");
        }
        return Optional.of((ObjectNode) root);
    }

    /**
     * Every key of the object, flat ({@code risk.max_open_trades}) whatever its spelling, with its value
     * as a Java value: String, Long or BigInteger, Double, Boolean, or a List of those. A key spelled
     * twice (flat and nested) and a null are problems.
     */
    static Map<String, Object> flatten(ObjectNode root, List<String> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", root, out, problems);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out, problems);
            } else if (v.isNull()) {
                problems.add(FILE + ": '" + shown(key) + "' is null; remove it to use the default");
            } else if (out.containsKey(key)) {
                problems.add(FILE + ": '" + shown(key) + "' is given twice (flat and nested); keep one");
            } else {
                out.put(key, value(v));
            }
        }
    }

    private static Object value(JsonNode v) {
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            v.forEach(item -> items.add(item.isValueNode() && !item.isNull() ? value(item) : item));
            return items;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.asText();
    }

    static String shown(String key) {
        return key.length() > 80 ? key.substring(0, 80) + "…" : key;
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String duplicate(String message) {
        return message != null && message.startsWith("Duplicate field") ? ": a name is given twice in one object"
                : "";
    }
}
