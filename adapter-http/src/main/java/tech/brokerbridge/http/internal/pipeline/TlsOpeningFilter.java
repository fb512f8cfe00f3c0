package tech.brokerbridge.http.internal.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import tech.brokerbridge.http.internal.limit.ClientEvents;

/**
 * Looks at the first byte of a connection: a TLS handshake record (0x16) on this plain-HTTP port is a
 * client that meant {@code https://} — no HTTP answer can reach it, so it is counted and closed without a
 * log line or a decoder error. Any other first byte goes to the codec, and this handler leaves the pipeline.
 */
@Sharable
public final class TlsOpeningFilter extends ChannelInboundHandlerAdapter {
    private static final byte TLS_HANDSHAKE = 0x16;
    private final ClientEvents events;

    public TlsOpeningFilter(ClientEvents events) {
        this.events = events;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b && b.isReadable()) {
            ctx.pipeline().remove(this);
            if (b.getByte(b.readerIndex()) == TLS_HANDSHAKE) {
                events.count(ClientEvents.Kind.TLS_OPENING);
                b.release();
                ctx.close();
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
