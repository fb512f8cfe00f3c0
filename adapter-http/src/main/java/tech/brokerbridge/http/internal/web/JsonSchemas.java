package tech.brokerbridge.http.internal.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the answer records, derived from the records
 * themselves as {@link Json} writes them: snake_case member names, an empty {@code Optional} as null (or
 * left out), times as date-time text. Each record becomes one named schema under
 * {@code #/components/schemas}; deriving them from the types keeps the document from drifting from the
 * answers (and a test validates real answers against it).
 */
public final class JsonSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private final Map<String, ObjectNode> components = new LinkedHashMap<>();

    /** The named schemas made so far, by name. */
    public Map<String, ObjectNode> components() {
        return components;
    }

    /** A schema of {@code type}: a {@code $ref} for a record (made once), inline otherwise. */
    public ObjectNode of(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return nullable(of(args[0]));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode s = F.objectNode().put("type", "array");
                s.set("items", of(args[0]));
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode s = F.objectNode().put("type", "object");
                s.set("additionalProperties", of(args[1]));
                return s;
            }
            return of(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return simple("string");
        }
        if (c == Instant.class) {
            return simple("string").put("format", "date-time");
        }
        if (c == LocalDate.class) {
            return simple("string").put("format", "date");
        }
        if (c == boolean.class || c == Boolean.class) {
            return simple("boolean");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return simple("integer");
        }
        if (c == double.class || c == Double.class || c == BigDecimal.class || c == float.class) {
            return simple("number");
        }
        if (c == OptionalLong.class || c == OptionalInt.class) {
            return nullable(simple("integer"));
        }
        if (c == OptionalDouble.class) {
            return nullable(simple("number"));
        }
        if (c.isEnum()) {
            return simple("string");
        }
        if (c == Object.class) {
            return F.objectNode();
        }
        if (c.isRecord()) {
            return ref(c);
        }
        throw new IllegalArgumentException("no schema for " + c.getName());
    }

    private ObjectNode ref(Class<?> record) {
        String name = name(record);
        if (!components.containsKey(name)) {
            components.put(name, F.objectNode()); // a placeholder first: records may nest themselves
            ObjectNode s = F.objectNode().put("type", "object");
            ObjectNode props = s.putObject("properties");
            ArrayNode required = F.arrayNode();
            boolean omitsAbsent = omitsAbsent(record);
            for (RecordComponent rc : record.getRecordComponents()) {
                if (rc.isAnnotationPresent(JsonIgnore.class) || rc.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                String member = SNAKE.translate(rc.getName());
                props.set(member, of(rc.getGenericType()));
                if (!(omitsAbsent && optional(rc.getType()))) {
                    required.add(member);
                }
            }
            if (!required.isEmpty()) {
                s.set("required", required);
            }
            s.put("additionalProperties", false);
            components.put(name, s);
        }
        return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** A schema added by hand (e.g. the error answer, whose details vary). */
    public ObjectNode named(String name, ObjectNode schema) {
        components.put(name, schema);
        return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    private static boolean omitsAbsent(Class<?> record) {
        com.fasterxml.jackson.annotation.JsonInclude inc =
                record.getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        return inc != null && inc.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT;
    }

    private static boolean optional(Class<?> c) {
        return c == Optional.class || c == OptionalLong.class || c == OptionalInt.class || c == OptionalDouble.class;
    }

    /** {@code Outer_Inner} for a nested record, so that two {@code Broker}s do not collide. */
    static String name(Class<?> c) {
        String n = c.getSimpleName();
        for (Class<?> o = c.getEnclosingClass(); o != null; o = o.getEnclosingClass()) {
            n = o.getSimpleName() + "_" + n;
        }
        return n;
    }

    private static ObjectNode simple(String type) {
        return F.objectNode().put("type", type);
    }

    private static ObjectNode nullable(ObjectNode s) {
        if (s.has("type") && s.get("type").isTextual() && !s.has("$ref")) {
            ObjectNode copy = s.deepCopy();
            copy.set("type", F.arrayNode().add(s.get("type").asText()).add("null"));
            return copy;
        }
        ObjectNode any = F.objectNode();
        any.putArray("anyOf").add(s).add(simple("null"));
        return any;
    }
}
