package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection with no traffic for the idle timeout, unless a request is in flight on it (a slow
 * route such as a scan must not lose its client).
 *
 * <p>Traffic is what the client sends and the end of each answer: outside a request nothing else is
 * written. Netty's all-idle mode would hang a listener on every write's promise to see it complete
 * (profiling showed that listener on every answer); the reader-idle mode, with the read timer restarted
 * when an answer ends, sees the same traffic without it.
 */
public final class IdleTimeoutHandler extends IdleStateHandler {
    public IdleTimeoutHandler(Duration timeout) {
        super(timeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            resetReadTimeout();
        }
        super.write(ctx, msg, promise);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        if (ctx.channel().attr(RequestContextHandler.CURRENT).get() == null) {
            ctx.close();
        }
    }
}
