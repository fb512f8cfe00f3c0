package tech.brokerbridge.http.internal.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An optional JSON object body read strictly: unknown fields and wrong types are 400 naming the
 * field. A missing body, an empty body or JSON {@code null} reads as an empty object; a member whose
 * value is {@code null} reads as absent.
 */
public final class JsonBody {
    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /**
     * @param allowed the member names this body may have
     * @throws ApiException 400 on malformed JSON, a body that is not an object, or an unknown member
     */
    public static JsonBody optionalObject(byte[] body, Set<String> allowed) {
        return object(Json.parse(body), allowed, false);
    }

    /**
     * Like {@link #optionalObject}, for a body that may hold a secret: neither a malformed body nor an
     * unknown member's name is quoted back.
     */
    public static JsonBody sensitiveObject(byte[] body, Set<String> allowed) {
        return object(Json.parseSensitive(body), allowed, true);
    }

    private static JsonBody object(JsonNode node, Set<String> allowed, boolean sensitive) {
        if (node.isNull() || node.isMissingNode()) {
            return new JsonBody(null);
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                if (sensitive) {
                    throw ApiException.badRequest("unknown field in the body; accepted: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
                throw ApiException.badField(name, "unknown field '" + truncate(name) + "'");
            }
        }
        return new JsonBody(node);
    }

    public OptionalLong longField(String name) {
        return field(name, v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number", JsonNode::longValue)
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    public OptionalDouble doubleField(String name) {
        return field(name, JsonNode::isNumber, "a number", JsonNode::doubleValue)
                .map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
    }

    /** A whole-number field that, when present, must be at least 1 share (else a 422 naming it). */
    public OptionalLong sharesField(String name) {
        OptionalLong v = longField(name);
        if (v.isPresent() && v.getAsLong() < 1) {
            throw ApiException.invalidValue(name, "'" + name + "' must be at least 1 share");
        }
        return v;
    }

    /** A number field that, when present, must be a finite price above zero (else a 422 naming it). */
    public OptionalDouble priceField(String name) {
        OptionalDouble v = doubleField(name);
        if (v.isPresent() && (!Double.isFinite(v.getAsDouble()) || v.getAsDouble() <= 0)) {
            throw ApiException.invalidValue(name, "'" + name + "' must be a positive price");
        }
        return v;
    }

    public Optional<String> stringField(String name) {
        return field(name, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    public Optional<Boolean> booleanField(String name) {
        return field(name, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
    }

    /** The member read by {@code read}; absent when missing or null; 400 naming it when not {@code is}. */
    private <T> Optional<T> field(String name, Predicate<JsonNode> is, String mustBe, Function<JsonNode, T> read) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!is.test(v)) {
            throw ApiException.badField(name, "'" + name + "' must be " + mustBe);
        }
        return Optional.of(read.apply(v));
    }

    private JsonNode value(String name) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
