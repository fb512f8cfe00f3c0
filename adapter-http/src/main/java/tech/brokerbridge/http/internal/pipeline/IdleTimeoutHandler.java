package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection with no traffic for the idle timeout, unless a request is in flight on it (a slow
 * route such as a scan must not lose its client).
 */
public final class IdleTimeoutHandler extends IdleStateHandler {
    public IdleTimeoutHandler(Duration timeout) {
        super(0, 0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        if (ctx.channel().attr(RequestContextHandler.CURRENT).get() == null) {
            ctx.close();
        }
    }
}
