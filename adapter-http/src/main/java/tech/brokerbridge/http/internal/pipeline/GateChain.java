package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.List;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Runs the request gates — local-only guard, rate limit, admin auth, license gate — in their documented
 * order, as plain calls, in one pipeline handler. The first refusal is answered (through the tail of the
 * pipeline, so it carries the request id and the security headers) and the request is released; a request
 * every gate lets through goes on to the router: called directly when the chain was made {@link #then with
 * it} (the server's pipeline: one hop fewer per request), else the next handler.
 */
@Sharable
public final class GateChain extends ChannelInboundHandlerAdapter {
    private final RequestGate[] gates;
    /** What a request every gate let through goes to, as a plain call; null: the next handler. */
    private final ChannelInboundHandler next;

    /** @param gates in the order they run */
    GateChain(List<? extends RequestGate> gates) {
        this(gates.toArray(new RequestGate[0]), null);
    }

    private GateChain(RequestGate[] gates, ChannelInboundHandler next) {
        this.gates = gates;
        this.next = next;
    }

    /** This chain handing what it lets through to {@code router} directly, in place of a handler of its own. */
    public GateChain then(RouterHandler router) {
        return new GateChain(gates, router);
    }

    /** The server's gates, in the documented order. */
    public static GateChain of(LocalOnlyGuard guard, RateLimitGate rateLimit, AdminAuthGate adminAuth,
            LicenseGate licenseGate) {
        return new GateChain(List.of(guard, rateLimit, adminAuth, licenseGate));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        for (RequestGate g : gates) {
            if (!g.admits(ctx.channel())) {
                ctx.close();
                return;
            }
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (pass(ctx, request)) {
            if (next != null) {
                next.channelRead(ctx, request);
            } else {
                ctx.fireChannelRead(request);
            }
        }
    }

    /** Runs the gates; a refused request is answered and released (false). */
    private boolean pass(ChannelHandlerContext ctx, FullHttpRequest request) {
        RequestContext rc = ctx.channel().attr(RequestContextHandler.CURRENT).get();
        ApiException refusal = null;
        boolean pass = false;
        try {
            for (RequestGate g : gates) {
                refusal = g.check(request, rc, ctx.channel());
                if (refusal != null) {
                    break;
                }
            }
            pass = refusal == null;
        } finally {
            if (!pass) {
                request.release();
            }
        }
        if (!pass) {
            Responder.error(ctx.channel(), rc, refusal);
        }
        return pass;
    }
}
