package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.ports.license.LicenseStatus;

/** The static dashboard over a real socket: what is served, how, and that the files keep the CSP's promises. */
class DashboardSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://|[\"'(=]\\s*//");
    private final TestServer s = TestServer.start();

    @AfterEach
    void stop() {
        s.close();
    }

    private RawHttp.Response get(String path) throws Exception {
        return RawHttp.exchange(s.port(), RawHttp.get(path, "127.0.0.1:" + s.port()));
    }

    private RawHttp.Response served(String path, String contentType) throws Exception {
        RawHttp.Response r = get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        assertEquals(contentType, r.header("Content-Type"), path);
        assertEquals("no-cache", r.header("Cache-Control"), path);
        SecurityMiddlewareSocketTest.assertSecurityHeaders(r, false);
        assertEquals("default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                r.header("Content-Security-Policy"));
        assertFalse(r.body().isBlank(), path);
        return r;
    }

    private static List<String> all(Pattern p, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    @Test
    void pageScriptAndStylesheetAreServedWithTheirTypesAndTheSecurityHeaders() throws Exception {
        assertTrue(served("/", "text/html; charset=utf-8").body().startsWith("<!DOCTYPE html>"));
        assertTrue(served("/api.js", "text/javascript; charset=utf-8").body().contains("fetch("));
        assertTrue(served("/app.js", "text/javascript; charset=utf-8").body().contains("EventSource") || served("/api.js",
                "text/javascript; charset=utf-8").body().contains("new EventSource("));
        assertTrue(served("/app.css", "text/css; charset=utf-8").body().contains("{"));
    }

    @Test
    void htmlHasNoInlineCodeAndOnlyRelativeSameOriginReferences() throws Exception {
        String html = served("/", "text/html; charset=utf-8").body();
        assertFalse(Pattern.compile("(?i)<script(?![^>]*\\bsrc\\s*=)[^>]*>").matcher(html).find(), "inline script");
        assertFalse(Pattern.compile("(?i)<script[^>]*>(?!</script>)").matcher(html).find(), "script with a body");
        assertFalse(Pattern.compile("(?i)<style").matcher(html).find(), "inline style element");
        assertFalse(Pattern.compile("(?i)\\sstyle\\s*=").matcher(html).find(), "style attribute");
        assertFalse(Pattern.compile("(?i)\\son[a-z]+\\s*=").matcher(html).find(), "event-handler attribute");
        assertFalse(html.toLowerCase().contains("javascript:"), "javascript: URL");
        assertFalse(ABSOLUTE_URL.matcher(html).find(), "absolute or protocol-relative URL");
        List<String> refs = all(Pattern.compile("(?i)\\s(?:src|href|action|srcset|poster|data)\\s*=\\s*\"([^\"]*)\""),
                html, 1);
        assertTrue(refs.containsAll(List.of("app.css", "app.js", "api.js", "vendor/uplot-1.6.30/uPlot.iife.min.js",
                "vendor/uplot-1.6.30/uPlot.min.css", "docs", "openapi.json")), refs.toString());
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertTrue(html.contains("id=\"" + ref.substring(1) + "\""), "in-page link " + ref);
            } else if (!ref.equals("api/trades.csv")) { // issue 12's export: linked, served once that route exists
                assertEquals(200, get("/" + ref).status(), ref);
            }
        }
    }

    @Test
    void aSimulatedPricesBannerStaysUpWhileHealthSaysThePricesAreSimulated() throws Exception {
        String html = served("/", "text/html; charset=utf-8").body();
        assertTrue(Pattern.compile("<p id=\"sim-banner\"[^>]*hidden>Simulated prices").matcher(html).find(), html);
        String js = served("/app.js", "text/javascript; charset=utf-8").body();
        assertTrue(js.contains("$('sim-banner').hidden = md.simulated !== true"), "shown from health on every refresh");
        assertTrue(js.contains("var md = h.market_data"));
        String health = get("/api/health").body();
        assertTrue(health.contains("\"market_data\":{\"source\":\"simulated\",\"simulated\":true"), health);
        assertTrue(js.contains("$('account-banner').hidden = am.tradable !== false"), "a read-only account is said too");
    }

    @Test
    void scriptUsesNoHtmlInjectionNoEvalNoAbsoluteUrlAndOnlyRealRoutes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String file : new String[] {"/api.js", "/charts.js", "/panels.js", "/setup.js", "/app.js", "/docs.js"}) {
            all.append(served(file, "text/javascript; charset=utf-8").body()).append('\n');
        }
        String js = all.toString();
        for (String banned : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
            "new Function", "setTimeout('", "setInterval('", "javascript:"}) {
            assertFalse(js.contains(banned), banned);
        }
        assertTrue(js.contains("textContent"));
        assertFalse(ABSOLUTE_URL.matcher(js).find(), "absolute or protocol-relative URL");
        List<String> paths = all(Pattern.compile("'(api/[a-z/-]*[a-z])[?']"), js, 1);
        assertTrue(paths.size() >= 20, paths.toString());
        // issue 12's routes: the page asks /openapi.json whether they exist before calling them
        List<String> guarded = List.of("api/positions", "api/trades", "api/trades/summary");
        // the full server: with the setup, credentials and license routes the wizard calls
        LicenseRoutesSocketTest.ScriptedLicense license = new LicenseRoutesSocketTest.ScriptedLicense();
        LocalHttpServer full = HttpServerFactory.create(TestServer.config(), s.desk,
                new tech.brokerbridge.http.testing.StubSetupDesk(), license, s.clock, java.util.Map::of);
        full.start();
        try {
            for (String path : paths) {
                checkRoute(full, guarded, js, path);
            }
        } finally {
            full.stop(Duration.ofSeconds(2));
        }
    }

    private void checkRoute(LocalHttpServer full, List<String> guarded, String js, String path) throws Exception {
        {
            if (guarded.contains(path)) {
                assertTrue(js.contains("BB.has('GET /" + path + "')"), path + " is called only when it exists");
                return;
            }
            // a route with this path exists when OPTIONS is refused as a method (405), not 404
            HttpResponse<String> r = s.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + full.port()
                    + "/" + path)).timeout(Duration.ofSeconds(10))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, r.statusCode(), path + ": " + r.body());
        }
    }

    @Test
    void unknownStaticPathIsJson404AndOtherMethodsOnThePageAre405() throws Exception {
        for (String path : new String[] {"/index.html", "/favicon.png", "/app.js/", "/dashboard/app.js", "/../app.js"}) {
            RawHttp.Response r = get(path);
            assertEquals(404, r.status(), path);
            assertTrue(r.header("Content-Type").startsWith("application/json"), path);
            assertEquals("not_found", JSON.readTree(r.body()).get("error").get("code").asText(), path);
            SecurityMiddlewareSocketTest.assertSecurityHeaders(r, false);
        }
        for (String method : new String[] {"HEAD", "POST"}) {
            HttpResponse<String> r = s.send(HttpRequest.newBuilder(s.uri("/")).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET", r.headers().firstValue("Allow").orElse(""), method);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), method);
        }
        assertEquals(405, s.post("/app.js", null, null).statusCode());
    }

    @Test
    void pageLoadsWhileTheLicenseIsInvalidButTheApiItCallsIsGated() throws Exception {
        s.desk.license = StubDesk.license(LicenseStatus.INVALID, "the subscription ended");
        served("/", "text/html; charset=utf-8");
        served("/app.js", "text/javascript; charset=utf-8");
        assertEquals(403, get("/api/proposals?status=pending&limit=50").status());
        assertEquals(200, get("/api/license").status());
    }

    @Test
    void theDashboardsPostWithItsOwnOriginPassesTheGuard() throws Exception {
        String host = "127.0.0.1:" + s.port();
        RawHttp.Response r = RawHttp.exchange(s.port(), RawHttp.request("POST", "/api/scan", host, null, null,
                "Origin: http://" + host, "Accept: application/json"));
        assertEquals(200, r.status(), r.body());
        JsonNode scan = JSON.readTree(r.body());
        assertEquals("scan-1", scan.get("scan_id").asText());
        assertTrue(s.desk.calls.contains("scanNow"));
        assertNull(JSON.readTree(r.body()).get("error"));
    }
}
