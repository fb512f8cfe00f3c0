package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Adds the security headers to every final answer. Every answer of this server is written from the
 * tail of the pipeline ({@link Responder}), so it passes here whichever handler produced it; the one
 * exception, the aggregator's answer to a refused {@code Expect}, applies {@link SecurityHeaders} itself.
 */
@Sharable
public final class SecurityHeadersHandler extends ChannelOutboundHandlerAdapter {
    public static final SecurityHeadersHandler INSTANCE = new SecurityHeadersHandler();

    private SecurityHeadersHandler() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            RequestContext rc = ctx.channel().attr(RequestContextHandler.CURRENT).get();
            SecurityHeaders.apply(response.headers(), rc == null || rc.api());
        }
        ctx.write(msg, promise);
    }
}
