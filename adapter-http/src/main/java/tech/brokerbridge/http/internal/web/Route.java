package tech.brokerbridge.http.internal.web;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One route, with everything the pipeline needs to know about it. The gates and the router read
 * these attributes from the matched route; no handler decides by looking at the path.
 *
 * @param segments the path split on {@code /}; a segment {@code {name}} captures a value
 * @param queryParams the query parameters it accepts; any other is 400
 * @param attributes what the route is (see {@link Attribute})
 */
public record Route(String method, List<String> segments, Set<String> queryParams, Set<Attribute> attributes,
        RouteHandler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        segments = List.copyOf(segments);
        queryParams = Set.copyOf(queryParams);
        attributes = Collections.unmodifiableSet(attributes.isEmpty() ? EnumSet.noneOf(Attribute.class)
                : EnumSet.copyOf(attributes));
        Objects.requireNonNull(handler, "handler");
    }

    /** The named attributes a route may carry. */
    public enum Attribute {
        /** Needs the admin bearer token ({@code BROKERBRIDGE_ADMIN_TOKEN}); without one configured it is closed. */
        ADMIN_ONLY,
        /** Served while the license is invalid (the license gate lets it through). */
        LICENSE_EXEMPT,
        /** May block: it runs on the bounded blocking pool, never on the event loop. */
        BLOCKING,
        /**
         * Reads an optional JSON body. A route without it still accepts an empty body, JSON {@code null}
         * or {@code {}}; any member is 400.
         */
        TAKES_BODY,
        /**
         * A Server-Sent Events stream: the router hands the connection to the event streams instead of
         * calling the handler; it counts as one request when it opens.
         */
        EVENT_STREAM,
        /** A static file of the page (HTML, script, style, font, chart library): not counted by the API rate limit. */
        STATIC_ASSET
    }

    public boolean adminOnly() {
        return attributes.contains(Attribute.ADMIN_ONLY);
    }

    public boolean licenseExempt() {
        return attributes.contains(Attribute.LICENSE_EXEMPT);
    }

    public boolean blocking() {
        return attributes.contains(Attribute.BLOCKING);
    }

    public boolean takesBody() {
        return attributes.contains(Attribute.TAKES_BODY);
    }

    public boolean eventStream() {
        return attributes.contains(Attribute.EVENT_STREAM);
    }

    public boolean staticAsset() {
        return attributes.contains(Attribute.STATIC_ASSET);
    }

    /** The path as declared, e.g. {@code /api/proposals/{id}}. */
    public String path() {
        return "/" + String.join("/", segments);
    }
}
