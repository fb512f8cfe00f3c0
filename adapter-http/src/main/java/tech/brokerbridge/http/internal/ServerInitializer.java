package tech.brokerbridge.http.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.time.Duration;
import tech.brokerbridge.http.internal.pipeline.AdminAuthHandler;
import tech.brokerbridge.http.internal.pipeline.BoundedBodyAggregator;
import tech.brokerbridge.http.internal.pipeline.ErrorHandler;
import tech.brokerbridge.http.internal.pipeline.IdleTimeoutHandler;
import tech.brokerbridge.http.internal.pipeline.LicenseGateHandler;
import tech.brokerbridge.http.internal.pipeline.LocalOnlyGuard;
import tech.brokerbridge.http.internal.pipeline.RateLimitHandler;
import tech.brokerbridge.http.internal.pipeline.RequestContextHandler;
import tech.brokerbridge.http.internal.pipeline.RouterHandler;
import tech.brokerbridge.http.internal.pipeline.SecurityHeadersHandler;

/** Builds each connection's pipeline, in the documented order, and tracks the connection for a graceful stop. */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
    /** The handler names, in pipeline order. */
    static final String[] NAMES = {"codec", "keep-alive", "request-id", "aggregator", "idle-timeout", "local-only",
        "security-headers", "rate-limit", "admin-auth", "license-gate", "router", "errors"};

    private final ChannelGroup connections;
    private final int maxBodyBytes;
    private final Duration idleTimeout;
    private final LocalOnlyGuard guard;
    private final RateLimitHandler rateLimit;
    private final AdminAuthHandler adminAuth;
    private final LicenseGateHandler licenseGate;
    private final RouterHandler router;

    ServerInitializer(ChannelGroup connections, int maxBodyBytes, Duration idleTimeout, LocalOnlyGuard guard,
            RateLimitHandler rateLimit, AdminAuthHandler adminAuth, LicenseGateHandler licenseGate,
            RouterHandler router) {
        this.connections = connections;
        this.maxBodyBytes = maxBodyBytes;
        this.idleTimeout = idleTimeout;
        this.guard = guard;
        this.rateLimit = rateLimit;
        this.adminAuth = adminAuth;
        this.licenseGate = licenseGate;
        this.router = router;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connections.add(ch);
        ch.pipeline()
                .addLast(NAMES[0], new HttpServerCodec())
                .addLast(NAMES[1], new HttpServerKeepAliveHandler())
                .addLast(NAMES[2], new RequestContextHandler())
                .addLast(NAMES[3], new BoundedBodyAggregator(maxBodyBytes))
                .addLast(NAMES[4], new IdleTimeoutHandler(idleTimeout))
                .addLast(NAMES[5], guard)
                .addLast(NAMES[6], SecurityHeadersHandler.INSTANCE)
                .addLast(NAMES[7], rateLimit)
                .addLast(NAMES[8], adminAuth)
                .addLast(NAMES[9], licenseGate)
                .addLast(NAMES[10], router)
                .addLast(NAMES[11], ErrorHandler.INSTANCE);
    }
}
