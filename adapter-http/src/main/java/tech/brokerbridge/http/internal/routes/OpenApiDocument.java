package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.http.internal.web.JsonSchemas;
import tech.brokerbridge.http.internal.web.Route;
import tech.brokerbridge.http.internal.web.Router;

/**
 * {@code /openapi.json}: an OpenAPI 3.1 document of the route table as built, with {@link ApiDocs}'
 * summaries and types. Answer schemas come from the answer records ({@link JsonSchemas}); the pipeline's
 * errors (400, 401, 403, 413, 415, 429, 503) are added from each route's attributes; every error has the
 * one error shape.
 */
final class OpenApiDocument {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final String version;
    private volatile byte[] bytes = new byte[0];

    OpenApiDocument(String version) {
        this.version = version;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Describes {@code router}; a route without an {@link ApiDocs} entry is listed as undocumented. */
    void describe(Router router) {
        bytes = Json.write(build(router, version));
    }

    static ObjectNode build(Router router, String version) {
        JsonSchemas schemas = new JsonSchemas();
        ObjectNode error = errorSchema(schemas);
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "BrokerBridge local API");
        info.put("version", version);
        info.put("description", "The desk's JSON API on 127.0.0.1. Member names are snake_case; errors are "
                + "{\"error\":{\"code\",\"message\",\"request_id\"}}. Every answer carries the security headers and "
                + "X-Request-Id. 100 requests per 60 s per client (static files and the event stream's events are not "
                + "counted).");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = doc.putObject("paths");
        for (Route r : router.routes()) {
            String key = r.method() + " " + r.path();
            ApiDocs.Doc d = ApiDocs.all().get(key);
            ObjectNode op = paths.withObjectProperty(r.path()).putObject(r.method().toLowerCase(Locale.ROOT));
            op.put("operationId", operationId(r));
            if (d == null) {
                op.put("summary", "undocumented");
                continue;
            }
            op.putArray("tags").add(d.tag());
            op.put("summary", d.summary());
            ArrayNode params = F.arrayNode();
            for (String seg : r.segments()) {
                if (seg.startsWith("{")) {
                    ObjectNode p = params.addObject();
                    p.put("name", seg.substring(1, seg.length() - 1)).put("in", "path").put("required", true);
                    p.putObject("schema").put("type", "string");
                }
            }
            for (String q : r.queryParams().stream().sorted().toList()) {
                ObjectNode p = params.addObject();
                p.put("name", q).put("in", "query").put("required", false)
                        .put("description", ApiDocs.QUERY.getOrDefault(q, q));
                p.putObject("schema").put("type", q.equals("limit") ? "integer" : "string");
            }
            if (!params.isEmpty()) {
                op.set("parameters", params);
            }
            d.body().ifPresent(b -> {
                ObjectNode rb = op.putObject("requestBody");
                rb.put("required", false);
                rb.putObject("content").putObject(ApiDocs.JSON).set("schema", schemas.of(b));
            });
            ObjectNode responses = op.putObject("responses");
            ObjectNode ok = responses.putObject("200");
            ok.put("description", "OK");
            ObjectNode media = ok.putObject("content").putObject(d.contentType());
            if (d.answer().isPresent()) {
                media.set("schema", schemas.of(d.answer().get()));
            } else if (!d.contentType().equals(ApiDocs.JSON)) {
                media.putObject("schema").put("type", "string");
            } else {
                media.putObject("schema").put("type", "object");
            }
            for (int status : statuses(r, d)) {
                ObjectNode e = responses.putObject(Integer.toString(status));
                e.put("description", describe(status));
                e.putObject("content").putObject(ApiDocs.JSON).set("schema", error);
            }
        }
        ObjectNode components = doc.putObject("components").putObject("schemas");
        schemas.components().forEach(components::set);
        return doc;
    }

    private static List<Integer> statuses(Route r, ApiDocs.Doc d) {
        List<Integer> s = new ArrayList<>(d.errors());
        if (!r.staticAsset()) {
            s.add(429);
        }
        if (!r.licenseExempt()) {
            s.add(403);
        }
        if (r.adminOnly()) {
            s.add(401);
            s.add(403);
        }
        if (!r.queryParams().isEmpty() || r.takesBody() || r.method().equals("POST")) {
            s.add(400);
        }
        if (r.method().equals("POST") || r.method().equals("DELETE")) {
            s.add(413);
            s.add(415);
        }
        if (r.blocking() || r.eventStream()) {
            s.add(503);
        }
        return s.stream().distinct().sorted().toList();
    }

    private static String describe(int status) {
        return Map.ofEntries(Map.entry(400, "Malformed JSON, wrong types, unknown members or query parameters"),
                Map.entry(401, "Missing or wrong admin token"), Map.entry(403, "The license is invalid, or the admin API is closed"),
                Map.entry(404, "No such item"), Map.entry(409, "Not allowed in the current state"),
                Map.entry(413, "Body over the limit"), Map.entry(415, "Body not application/json"),
                Map.entry(422, "Invalid values, or failed gates"), Map.entry(429, "Rate limited (see Retry-After)"),
                Map.entry(503, "Busy, stopping, or a backing service is unavailable")).getOrDefault(status, "Error");
    }

    private static ObjectNode errorSchema(JsonSchemas schemas) {
        ObjectNode body = F.objectNode().put("type", "object");
        ObjectNode props = body.putObject("properties");
        props.putObject("code").put("type", "string");
        props.putObject("message").put("type", "string");
        props.putObject("request_id").put("type", "string");
        body.putArray("required").add("code").add("message").add("request_id");
        ObjectNode s = F.objectNode().put("type", "object");
        s.putObject("properties").set("error", body);
        s.putArray("required").add("error");
        s.put("additionalProperties", false);
        return schemas.named("Error", s);
    }

    private static String operationId(Route r) {
        StringBuilder b = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
        for (String seg : r.segments()) {
            for (String part : seg.replace("{", "").replace("}", "").split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        return b.toString();
    }
}
