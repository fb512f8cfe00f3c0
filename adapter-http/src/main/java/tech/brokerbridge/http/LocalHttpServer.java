package tech.brokerbridge.http;

import java.time.Duration;
import java.util.List;

/**
 * A handle on the local HTTP API server, made by {@link HttpServerFactory#create}.
 *
 * <p>Thread-safe. The server binds loopback addresses only (127.0.0.1, and ::1 when the machine has
 * IPv6 loopback), never a wildcard address. Requests are served by Netty event-loop threads;
 * routes that may block run on a bounded pool of {@link HttpServerConfig#blockingThreads()} threads.
 */
public interface LocalHttpServer extends AutoCloseable {

    /**
     * Binds and starts serving. Blocks until bound (a few milliseconds).
     *
     * @throws HttpServerStartException when a loopback address cannot be bound;
     *     {@link HttpServerStartException#addressInUse()} is true when the port is taken
     * @throws IllegalStateException when already started or stopped
     */
    void start();

    /**
     * The bound port (the ephemeral one when configured with port 0).
     *
     * @throws IllegalStateException before {@link #start()}
     */
    int port();

    /** The bound addresses as {@code host:port}, e.g. {@code 127.0.0.1:8080} and {@code [::1]:8080}; empty before start. */
    List<String> boundAddresses();

    /**
     * Stops accepting connections, lets the requests in flight finish within {@code grace}, then closes
     * every connection, releases the port and stops the threads. Blocks at most about {@code grace} plus
     * one second. Idempotent; a stopped server cannot be started again.
     */
    void stop(Duration grace);

    /** {@link #stop(Duration)} with a 5-second grace. */
    @Override
    void close();
}
