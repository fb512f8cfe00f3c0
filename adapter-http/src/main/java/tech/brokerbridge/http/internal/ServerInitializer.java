package tech.brokerbridge.http.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.internal.limit.ClientEvents;
import tech.brokerbridge.http.internal.limit.ConnectionLimits;
import tech.brokerbridge.http.internal.limit.RepeatedWarnings;
import tech.brokerbridge.http.internal.pipeline.AdminAuthGate;
import tech.brokerbridge.http.internal.pipeline.BoundedBodyAggregator;
import tech.brokerbridge.http.internal.pipeline.ErrorHandler;
import tech.brokerbridge.http.internal.pipeline.GateChain;
import tech.brokerbridge.http.internal.pipeline.IdleTimeoutHandler;
import tech.brokerbridge.http.internal.pipeline.LicenseGate;
import tech.brokerbridge.http.internal.pipeline.LocalOnlyGuard;
import tech.brokerbridge.http.internal.pipeline.RateLimitGate;
import tech.brokerbridge.http.internal.pipeline.RequestContextHandler;
import tech.brokerbridge.http.internal.pipeline.RouterHandler;
import tech.brokerbridge.http.internal.pipeline.TlsOpeningFilter;

/**
 * Admits each new connection under the connection caps (over a cap: closed at once, nothing is queued),
 * builds its pipeline in the documented order, and tracks it for a graceful stop.
 *
 * <p>The request gates (local-only guard, rate limit, admin auth, license gate) run in that order inside
 * one handler, {@link GateChain}, which hands what they let through to the router as a plain call; the
 * request-id handler also keeps the connection alive or not (Netty's keep-alive rules), runs the protocol
 * check and the body deadline and stamps the security headers with the id: each handler costs every request
 * a hop through the pipeline (issue 17's profile).
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerInitializer.class);
    private static final RepeatedWarnings WARNINGS = RepeatedWarnings.of(LOG);

    /** The handler names, in pipeline order. */
    static final String[] NAMES = {"tls-opening", "codec", "request-id", "aggregator", "idle-timeout", "gates-router",
        "errors"};

    /** What every connection's pipeline shares. */
    record Shared(ChannelGroup connections, ConnectionLimits limits, ClientEvents events, int maxBodyBytes,
            Duration idleTimeout, Duration bodyTimeout) {
    }

    private final Shared shared;
    private final TlsOpeningFilter tlsOpening;
    private final GateChain gates;
    private final ErrorHandler errors;

    ServerInitializer(Shared shared, LocalOnlyGuard guard, RateLimitGate rateLimit, AdminAuthGate adminAuth,
            LicenseGate licenseGate, RouterHandler router) {
        this.shared = shared;
        this.tlsOpening = new TlsOpeningFilter(shared.events());
        this.gates = GateChain.of(guard, rateLimit, adminAuth, licenseGate).then(router);
        this.errors = new ErrorHandler(shared.events());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        InetSocketAddress peer = ch.remoteAddress();
        Object client = peer != null && peer.getAddress() != null ? peer.getAddress() : String.valueOf(peer);
        ConnectionLimits.Admission admission = shared.limits().tryOpen(client);
        if (admission != ConnectionLimits.Admission.ADMITTED) {
            refuse(ch, admission);
            return;
        }
        ch.closeFuture().addListener(f -> shared.limits().release(client));
        shared.connections().add(ch);
        addHandlers(ch.pipeline());
    }

    /** Adds one connection's handlers, in order (also used by the fuzz test's embedded channel). */
    void addHandlers(ChannelPipeline pipeline) {
        ClientEvents events = shared.events();
        pipeline
                .addLast(NAMES[0], tlsOpening)
                .addLast(NAMES[1], new HttpServerCodec())
                .addLast(NAMES[2], new RequestContextHandler(events, shared.bodyTimeout()))
                .addLast(NAMES[3], new BoundedBodyAggregator(shared.maxBodyBytes()))
                .addLast(NAMES[4], new IdleTimeoutHandler(shared.idleTimeout()))
                .addLast(NAMES[5], gates)
                .addLast(NAMES[6], errors);
    }

    private void refuse(SocketChannel ch, ConnectionLimits.Admission admission) {
        if (admission == ConnectionLimits.Admission.OVER_TOTAL) {
            shared.events().count(ClientEvents.Kind.REFUSED_OVER_TOTAL);
            WARNINGS.warn("max_connections reached ({} open); new connections are closed at once",
                    shared.limits().open());
        } else {
            shared.events().count(ClientEvents.Kind.REFUSED_OVER_CLIENT);
            WARNINGS.warn("max_connections_per_client reached by a local address; its new connections are closed "
                    + "at once");
        }
        ch.close();
    }
}
