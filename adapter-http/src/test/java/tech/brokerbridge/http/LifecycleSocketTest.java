package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.MutableClock;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.TestServer;

class LifecycleSocketTest {

    @Test
    void gracefulStopFinishesTheRequestInFlightThenFreesThePort() throws Exception {
        TestServer s = TestServer.start();
        int port = s.port();
        s.desk.holdScan = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> scan = s.client.sendAsync(
                java.net.http.HttpRequest.newBuilder(s.uri("/api/scan")).POST(
                        java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(s.desk.scanEntered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> s.server.stop(Duration.ofSeconds(20)));
        // new connections are refused once stopping began, while the scan is still held
        waitUntilRefused(port);
        assertFalse(stopping.isDone(), "stop waits for the request in flight");
        s.desk.holdScan.countDown();
        HttpResponse<String> r = scan.get(20, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("scan-1"));
        stopping.get(20, TimeUnit.SECONDS);
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void stopClosesIdleKeepAliveConnectionsAtOnce() throws Exception {
        TestServer s = TestServer.start();
        try (RawHttp c = RawHttp.connect(s.port())) {
            c.send(RawHttp.get("/api/health", "localhost"));
            assertEquals(200, c.read().status());
            s.server.stop(Duration.ofSeconds(20));
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void aTakenPortIsReportedAsAddressInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            HttpServerConfig c = TestServer.config();
            HttpServerConfig onTaken = new HttpServerConfig(taken.getLocalPort(), c.rateLimitRequests(),
                    c.rateLimitWindow(), c.allowedHosts(), c.adminToken(), c.maxBodyBytes(), c.idleTimeout(),
                    c.blockingThreads(), c.version());
            LocalHttpServer server = HttpServerFactory.create(onTaken, new StubDesk(), MutableClock.at(
                    "2026-03-02T15:00:00Z"), Map::of);
            HttpServerStartException e = assertThrows(HttpServerStartException.class, server::start);
            assertTrue(e.addressInUse());
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())));
            assertThrows(IllegalStateException.class, server::start, "a failed server cannot be restarted");
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void bindsLoopbackOnlyAndIpv6LoopbackWhenPresent() throws Exception {
        try (TestServer s = TestServer.start()) {
            int port = s.port();
            assertTrue(s.server.boundAddresses().contains("127.0.0.1:" + port), s.server.boundAddresses().toString());
            for (String a : s.server.boundAddresses()) {
                assertTrue(a.startsWith("127.0.0.1:") || a.startsWith("[::1]:"), a);
            }
            boolean v6 = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(n -> {
                        try {
                            return n.isLoopback() && n.isUp();
                        } catch (java.net.SocketException e) {
                            return false;
                        }
                    })
                    .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
                    .anyMatch(a -> a instanceof java.net.Inet6Address);
            if (v6) {
                assertTrue(s.server.boundAddresses().contains("[::1]:" + port));
                try (RawHttp c = RawHttp.connect("::1", port, null)) {
                    c.send(RawHttp.get("/api/health", "[::1]:" + port));
                    assertEquals(200, c.read().status());
                }
            }
            assertThrows(IllegalStateException.class, s.server::start);
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        HttpServerConfig c = TestServer.config();
        HttpServerConfig quick = new HttpServerConfig(0, c.rateLimitRequests(), c.rateLimitWindow(),
                c.allowedHosts(), c.adminToken(), c.maxBodyBytes(), Duration.ofMillis(200), c.blockingThreads(),
                c.version());
        try (TestServer s = TestServer.start(quick, Map.of()); RawHttp conn = RawHttp.connect(s.port())) {
            conn.send(RawHttp.get("/api/health", "localhost"));
            assertEquals(200, conn.read().status());
            assertTrue(conn.closedByServer(), "closed within the 10 s socket timeout");
        }
    }

    @Test
    void portIsUnknownBeforeStartAndStopIsIdempotent() {
        LocalHttpServer server = HttpServerFactory.create(TestServer.config(), new StubDesk(),
                MutableClock.at("2026-03-02T15:00:00Z"), Map::of);
        assertThrows(IllegalStateException.class, server::port);
        assertTrue(server.boundAddresses().isEmpty());
        server.start();
        server.stop(Duration.ofSeconds(1));
        server.stop(Duration.ofSeconds(1));
        server.close();
        assertThrows(IllegalStateException.class, server::port);
    }

    private static void waitUntilRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (RawHttp c = RawHttp.connect(port)) {
                Thread.sleep(20);
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
        fail("still accepting connections 10 s after stop began");
    }
}
