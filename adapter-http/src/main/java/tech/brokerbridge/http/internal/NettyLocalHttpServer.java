package tech.brokerbridge.http.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerStartException;
import tech.brokerbridge.http.LocalHttpServer;
import tech.brokerbridge.http.internal.limit.ClientEvents;
import tech.brokerbridge.http.internal.limit.ConnectionLimits;
import tech.brokerbridge.http.internal.limit.RepeatedWarnings;
import tech.brokerbridge.http.internal.limit.SlidingLogRateLimiter;
import tech.brokerbridge.http.internal.pipeline.AdminAuthGate;
import tech.brokerbridge.http.internal.pipeline.EventStreams;
import tech.brokerbridge.http.internal.pipeline.LicenseGate;
import tech.brokerbridge.http.internal.pipeline.LocalOnlyGuard;
import tech.brokerbridge.http.internal.pipeline.RateLimitGate;
import tech.brokerbridge.http.internal.pipeline.RequestContextHandler;
import tech.brokerbridge.http.internal.pipeline.RouteLookup;
import tech.brokerbridge.http.internal.pipeline.RouterHandler;
import tech.brokerbridge.http.internal.routes.ApiRoutes;
import tech.brokerbridge.http.internal.routes.EventAnswers;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.desk.TradingDesk;

/** The Netty server behind {@link LocalHttpServer}: loopback binds, the pipeline, a graceful stop. */
public final class NettyLocalHttpServer implements LocalHttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(NettyLocalHttpServer.class);
    /** Blocking-route tasks waiting at most, per blocking thread. */
    private static final int QUEUE_PER_THREAD = 64;
    /** The event streams' heartbeat comment. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final HttpServerConfig config;
    private final TradingDesk desk;
    private final Optional<SetupDesk> setup;
    private final Optional<LicenseDesk> license;
    private final Clock clock;
    private final Supplier<Map<String, Object>> effectiveConfig;
    private final SlidingLogRateLimiter limiter;
    private final ConnectionLimits connectionLimits;
    private final ClientEvents clientEvents = new ClientEvents();
    private final Object lock = new Object();

    private State state = State.NEW;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ThreadPoolExecutor blocking;
    private ChannelGroup connections;
    private EventStreams streams;
    private final List<Channel> listeners = new ArrayList<>();
    private volatile int port = -1;
    private volatile Instant startedAt;

    private enum State { NEW, STARTED, STOPPED }

    public NettyLocalHttpServer(HttpServerConfig config, TradingDesk desk, Optional<SetupDesk> setup,
            Optional<LicenseDesk> license, Clock clock,
            Supplier<Map<String, Object>> effectiveConfig) {
        this.config = config;
        this.desk = desk;
        this.setup = setup;
        this.license = license;
        this.clock = clock;
        this.effectiveConfig = effectiveConfig;
        this.limiter = new SlidingLogRateLimiter(config.rateLimitRequests(), config.rateLimitWindow(),
                () -> epochNanos(clock), SlidingLogRateLimiter.DEFAULT_MAX_CLIENTS);
        this.connectionLimits = new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerClient());
        this.startedAt = clock.instant();
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("server already " + state.name().toLowerCase(java.util.Locale.ROOT));
            }
            state = State.STARTED;
            startedAt = clock.instant();
            boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bb-http-accept", true),
                    NioIoHandler.newFactory());
            workers = new MultiThreadIoEventLoopGroup(workerThreads(), new DefaultThreadFactory("bb-http", true),
                    NioIoHandler.newFactory());
            blocking = new ThreadPoolExecutor(config.blockingThreads(), config.blockingThreads(), 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(config.blockingThreads() * QUEUE_PER_THREAD),
                    new DefaultThreadFactory("bb-http-blocking", true), new ThreadPoolExecutor.AbortPolicy());
            connections = new DefaultChannelGroup("bb-http-connections", GlobalEventExecutor.INSTANCE);
            streams = new EventStreams(HEARTBEAT, EventAnswers::json, clock::instant);
            streams.start(desk);
            try {
                bindAll(bootstrap());
            } catch (HttpServerStartException e) {
                releaseResources(Duration.ZERO);
                state = State.STOPPED;
                throw e;
            }
            // summaries of held-back warnings and client events, once a minute
            boss.scheduleAtFixedRate(this::summarize, 1, 1, TimeUnit.MINUTES);
            LOG.info("HTTP API listening on {}", boundAddresses());
        }
    }

    @Override
    public int port() {
        int p = port;
        if (p < 0) {
            throw new IllegalStateException("server not started");
        }
        return p;
    }

    @Override
    public List<String> boundAddresses() {
        synchronized (lock) {
            List<String> out = new ArrayList<>();
            for (Channel ch : listeners) {
                InetSocketAddress a = (InetSocketAddress) ch.localAddress();
                String host = a.getAddress().getHostAddress();
                out.add((host.contains(":") ? "[" + shortV6(host) + "]" : host) + ":" + a.getPort());
            }
            return out;
        }
    }

    @Override
    public void stop(Duration grace) {
        synchronized (lock) {
            if (state != State.STARTED) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPED;
            long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
            for (Channel l : listeners) {
                l.close().awaitUninterruptibly();
            }
            listeners.clear();
            streams.endAll();
            for (Channel c : connections) {
                c.eventLoop().execute(() -> {
                    RequestContextHandler h = c.pipeline().get(RequestContextHandler.class);
                    if (h == null) {
                        c.close();
                    } else {
                        h.closeWhenIdle(c.pipeline().context(h));
                    }
                });
            }
            while (!connections.isEmpty() && System.nanoTime() < deadline) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                connections.newCloseFuture().awaitUninterruptibly(Math.max(1, Math.min(left, 100)));
            }
            if (!connections.isEmpty()) {
                LOG.warn("{} connection(s) still busy after the grace period; closing them", connections.size());
            }
            releaseResources(Duration.ofMillis(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            port = -1;
            LOG.info("HTTP API stopped");
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** The rate limiter's figures, as the diagnostics show them. */
    ApiRoutes.RateLimiterFigures rateLimiterFigures() {
        SlidingLogRateLimiter.Stats s = limiter.stats();
        return new ApiRoutes.RateLimiterFigures(s.trackedClients(), s.allowed(), s.refused(), s.evicted(), s.limit(),
                s.window().toMillis() / 1000.0);
    }

    /** The connection figures, as the diagnostics show them. */
    ApiRoutes.ConnectionFigures connectionFigures() {
        ClientEvents e = clientEvents;
        return new ApiRoutes.ConnectionFigures(connectionLimits.open(), connectionLimits.clients(),
                config.maxConnections(), config.maxConnectionsPerClient(), config.bodyTimeout().toMillis() / 1000.0,
                e.total(ClientEvents.Kind.PREMATURE_CLOSE), e.total(ClientEvents.Kind.RESET),
                e.total(ClientEvents.Kind.TLS_OPENING), e.total(ClientEvents.Kind.HTTP2_OPENING),
                e.total(ClientEvents.Kind.BODY_TIMEOUT), e.total(ClientEvents.Kind.REFUSED_OVER_TOTAL),
                e.total(ClientEvents.Kind.REFUSED_OVER_CLIENT));
    }

    private void summarize() {
        RepeatedWarnings.flushAll();
        clientEvents.summarize();
    }

    private ServerBootstrap bootstrap() {
        ApiRoutes.AdminInfo admin = new ApiRoutes.AdminInfo(config.version(), clock, () -> startedAt, effectiveConfig,
                this::rateLimiterFigures, this::connectionFigures, config.adminToken());
        RouteLookup routes = new RouteLookup(ApiRoutes.build(desk, setup, license, clock, admin));
        ServerInitializer init = new ServerInitializer(new ServerInitializer.Shared(connections, connectionLimits,
                clientEvents, config.maxBodyBytes(), config.idleTimeout(), config.bodyTimeout()),
                new LocalOnlyGuard(config.allowedHosts()), new RateLimitGate(limiter, routes),
                new AdminAuthGate(config.adminToken(), routes), new LicenseGate(desk, routes),
                new RouterHandler(routes, blocking, streams));
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(init);
    }

    private void bindAll(ServerBootstrap b) {
        boolean v6 = LoopbackBinder.ipv6LoopbackAvailable();
        LoopbackBinder.Result r = LoopbackBinder.bind(b, config.port(), v6);
        listeners.addAll(r.channels());
        port = r.port();
    }

    private void releaseResources(Duration grace) {
        if (streams != null) {
            streams.close();
        }
        for (Channel l : listeners) {
            l.close().awaitUninterruptibly();
        }
        listeners.clear();
        if (connections != null) {
            connections.close().awaitUninterruptibly(1000);
        }
        if (blocking != null) {
            blocking.shutdown();
            try {
                if (!blocking.awaitTermination(Math.min(grace.toMillis(), 1000), TimeUnit.MILLISECONDS)) {
                    blocking.shutdownNow();
                }
            } catch (InterruptedException e) {
                blocking.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        shutdown(boss);
        shutdown(workers);
    }

    private static void shutdown(EventLoopGroup g) {
        if (g != null) {
            g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2000);
        }
    }

    private static int workerThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private static String shortV6(String host) {
        return host.equals("0:0:0:0:0:0:0:1") ? "::1" : host;
    }

    static long epochNanos(Clock clock) {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
