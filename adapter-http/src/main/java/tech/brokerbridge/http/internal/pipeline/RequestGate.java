package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * A middleware step that lets a complete request through or refuses it with an error answer.
 * Subclasses say which with {@link #check}; the request is released here when refused.
 */
abstract class RequestGate extends ChannelInboundHandlerAdapter {

    /**
     * @param rc the request in flight (never null for a request that reached the aggregator's output)
     * @return null to let the request through, else the refusal to answer
     */
    abstract ApiException check(FullHttpRequest request, RequestContext rc, ChannelHandlerContext ctx);

    @Override
    public final void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        RequestContext rc = ctx.channel().attr(RequestContextHandler.CURRENT).get();
        ApiException refusal = null;
        boolean pass = false;
        try {
            refusal = check(request, rc, ctx);
            pass = refusal == null;
        } finally {
            if (!pass) {
                request.release();
            }
        }
        if (pass) {
            ctx.fireChannelRead(request);
        } else {
            Responder.error(ctx.channel(), rc, refusal);
        }
    }
}
