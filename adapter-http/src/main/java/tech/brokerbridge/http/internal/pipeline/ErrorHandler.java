package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.internal.limit.ClientEvents;
import tech.brokerbridge.http.internal.limit.RepeatedWarnings;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * The pipeline's last handler: whatever failed before it becomes one JSON 500 (or the
 * {@link ApiException}'s own answer) with the request id, and the connection closes. What clients do
 * now and then — close mid-request, reset — just closes the connection and is counted, never logged
 * per event; an unexpected failure outside a request is a warning, at most one a minute with its trace.
 * Never a stack trace to the client.
 */
@Sharable
public final class ErrorHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private static final RepeatedWarnings WARNINGS = RepeatedWarnings.of(LOG);

    private final ClientEvents events;

    public ErrorHandler(ClientEvents events) {
        this.events = events;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof PrematureChannelClosureException || cause instanceof IOException) {
            if (ctx.channel().attr(BodyDeadline.EXPIRED).get() == null) {
                events.count(cause instanceof IOException ? ClientEvents.Kind.RESET
                        : ClientEvents.Kind.PREMATURE_CLOSE);
            }
            LOG.debug("connection ended by the client: {}", cause.toString());
            ctx.close();
            return;
        }
        RequestContext rc = ctx.channel().attr(RequestContextHandler.CURRENT).get();
        RequestContextHandler requests = ctx.pipeline().get(RequestContextHandler.class);
        if (rc == null || requests == null || !requests.awaitingAnswer() || !ctx.channel().isActive()) {
            WARNINGS.warn("pipeline failure outside a request; closing the connection", cause);
            ctx.close();
            return;
        }
        ApiException answer = cause instanceof ApiException api ? api : ApiException.internal();
        if (!(cause instanceof ApiException)) {
            LOG.error("request {} {} {} failed in the pipeline", rc.requestId(), rc.method(), rc.path(), cause);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>(answer.headers());
        headers.put("Connection", "close");
        Responder.error(ctx.channel(), rc,
                new ApiException(answer.status(), answer.code(), answer.getMessage(), answer.details(), headers));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // nothing should get here; never leak a buffer if something does
        LOG.debug("unhandled message {}", msg.getClass().getSimpleName());
        ReferenceCountUtil.release(msg);
    }
}
