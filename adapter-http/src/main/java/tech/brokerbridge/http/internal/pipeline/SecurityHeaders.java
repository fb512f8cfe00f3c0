package tech.brokerbridge.http.internal.pipeline;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/** The security headers every answer carries; {@code Cache-Control: no-store} on the API's. */
public final class SecurityHeaders {
    static final AsciiString X_CONTENT_TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");
    static final AsciiString X_FRAME_OPTIONS = AsciiString.cached("X-Frame-Options");
    static final AsciiString CONTENT_SECURITY_POLICY = AsciiString.cached("Content-Security-Policy");
    static final AsciiString REFERRER_POLICY = AsciiString.cached("Referrer-Policy");
    static final AsciiString STRICT_TRANSPORT_SECURITY = AsciiString.cached("Strict-Transport-Security");
    static final AsciiString PERMISSIONS_POLICY = AsciiString.cached("Permissions-Policy");
    static final AsciiString CSP_VALUE = AsciiString.cached(
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    static final AsciiString DENY = AsciiString.cached("DENY");
    static final AsciiString NO_REFERRER = AsciiString.cached("no-referrer");
    static final AsciiString PERMISSIONS_VALUE = AsciiString.cached(
            "camera=(), microphone=(), geolocation=(), payment=()");
    static final AsciiString HSTS_VALUE = AsciiString.cached("max-age=31536000; includeSubDomains");
    static final AsciiString NO_STORE = AsciiString.cached("no-store");

    private SecurityHeaders() {
    }

    /** Sets the headers (replacing any value a route may have set). */
    public static void apply(HttpHeaders h, boolean api) {
        h.set(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
        h.set(X_FRAME_OPTIONS, DENY);
        h.set(CONTENT_SECURITY_POLICY, CSP_VALUE);
        h.set(REFERRER_POLICY, NO_REFERRER);
        h.set(PERMISSIONS_POLICY, PERMISSIONS_VALUE);
        h.set(STRICT_TRANSPORT_SECURITY, HSTS_VALUE);
        if (api) {
            h.set(HttpHeaderNames.CACHE_CONTROL, NO_STORE);
        }
    }
}
