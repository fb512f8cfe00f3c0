package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.TestServer;

/**
 * Issue 14.10, through real sockets: what this HTTP/1.1 server does not speak is refused with a JSON
 * error carrying the security headers and a request id, never served as if it were something else.
 */
class LooseHttpSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REJECT = "/api/proposals/prp-0123456789ab/reject";
    private final TestServer s = TestServer.start();

    @AfterEach
    void stop() {
        s.close();
    }

    private RawHttp.Response once(String raw) throws Exception {
        try (RawHttp c = RawHttp.connect(s.port())) {
            c.send(raw);
            RawHttp.Response r = c.read();
            if (r.status() >= 500) {
                assertTrue(c.closedByServer(), "the connection is closed after " + r.status());
            }
            return r;
        }
    }

    private boolean rejected() {
        return s.desk.calls.stream().anyMatch(x -> x.startsWith("reject"));
    }

    @Test
    void anHttpVersionOtherThan10Or11Is505() throws Exception {
        for (String version : new String[] {"HTTP/9.9", "HTTP/1.2", "HTTP/2.0", "HTTP/3.0"}) {
            SecurityMiddlewareSocketTest.error(once("GET /api/health " + version + "\r\nHost: localhost\r\n\r\n"),
                    505, "http_version_not_supported");
        }
        assertEquals(200, once("GET /api/health HTTP/1.0\r\nHost: localhost\r\n\r\n").status());
        assertEquals(200, once("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n").status());
    }

    @Test
    void anHttp2PrefaceIs505AndCountedNotServed() throws Exception {
        RawHttp.Response preface = once("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertEquals(505, preface.status());
        assertEquals("http_version_not_supported", JSON.readTree(preface.body()).get("error").get("code").asText());
        SecurityMiddlewareSocketTest.assertSecurityHeaders(preface, false);
        RawHttp.Response diag = RawHttp.exchange(s.port(), RawHttp.get("/api/admin/diagnostics", "localhost",
                "Authorization: Bearer " + TestServer.ADMIN_TOKEN));
        assertEquals(1, JSON.readTree(diag.body()).get("connections").get("http2_openings").asInt(), diag.body());
    }

    @Test
    void aTransferCodingOtherThanChunkedAloneIs501() throws Exception {
        for (String te : new String[] {"gzip, chunked", "deflate, chunked", "x-custom,chunked"}) {
            String raw = "POST " + REJECT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: " + te + "\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n";
            RawHttp.Response r = once(raw);
            assertEquals(501, r.status(), te + ": " + r.body());
            SecurityMiddlewareSocketTest.error(r, 501, "not_implemented");
        }
        // chunked not last (or absent): the body's length cannot be known at all, RFC 9112 says 400 and close
        for (String te : new String[] {"chunked, gzip", "deflate", "identity", "chunked, chunked"}) {
            try (RawHttp c = RawHttp.connect(s.port())) {
                c.send("POST " + REJECT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: " + te + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
                SecurityMiddlewareSocketTest.error(c.read(), 400, "bad_request");
                assertTrue(c.closedByServer());
            }
        }
        // two header lines that add up to "gzip, chunked"
        SecurityMiddlewareSocketTest.error(once("POST " + REJECT + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n"), 501, "not_implemented");
        assertFalse(rejected(), "no refused request reached the desk");
        String chunked = "POST " + REJECT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: Chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        RawHttp.Response ok = once(chunked);
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void aBodyThatIsNotUtf8Is415() throws Exception {
        String body = "{\"reason\":\"too risky\"}";
        SecurityMiddlewareSocketTest.error(once(RawHttp.request("POST", REJECT, "localhost",
                "application/json; charset=utf-16", body)), 415, "unsupported_media_type");
        SecurityMiddlewareSocketTest.error(once(RawHttp.request("POST", REJECT, "localhost",
                "application/json; charset=ISO-8859-1", body)), 415, "unsupported_media_type");
        // UTF-16 bytes without a charset: JSON parsers would guess the encoding and accept them
        for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, StandardCharsets.UTF_16}) {
            byte[] utf16 = body.getBytes(cs);
            try (RawHttp c = RawHttp.connect(s.port())) {
                c.sendBytes(("POST " + REJECT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + utf16.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                c.sendBytes(utf16);
                SecurityMiddlewareSocketTest.error(c.read(), 415, "unsupported_media_type");
            }
        }
        // Latin-1 bytes that are not UTF-8
        byte[] latin1 = "{\"reason\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        try (RawHttp c = RawHttp.connect(s.port())) {
            c.sendBytes(("POST " + REJECT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + latin1.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            c.sendBytes(latin1);
            SecurityMiddlewareSocketTest.error(c.read(), 415, "unsupported_media_type");
        }
        assertFalse(rejected());
        assertEquals(200, once(RawHttp.request("POST", REJECT, "localhost", "application/json; charset=UTF-8",
                "{\"reason\":\"caf\u00e9\"}")).status());
    }

    @Test
    void aStateChangingRequestABrowserMarksCrossSiteIsRefusedEvenWithoutOrigin() throws Exception {
        for (String site : new String[] {"cross-site", "same-site", "Cross-Site"}) {
            SecurityMiddlewareSocketTest.error(once(RawHttp.request("POST", "/api/trading/stop", "localhost", null,
                    null, "Sec-Fetch-Site: " + site)), 403, "forbidden_origin");
        }
        assertFalse(s.desk.calls.contains("stopTrading"), s.desk.calls.toString());
        // reads stay open to any page (they are not state-changing); the own page and typed URLs pass
        assertEquals(200, once(RawHttp.get("/api/health", "localhost", "Sec-Fetch-Site: cross-site")).status());
        for (String site : new String[] {"same-origin", "none"}) {
            assertEquals(200, once(RawHttp.request("POST", "/api/trading/stop", "localhost", null, null,
                    "Sec-Fetch-Site: " + site)).status());
        }
    }
}
