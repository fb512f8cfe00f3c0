package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Netty's aggregator with a bounded body whose refusals are this server's JSON errors (413, or 417
 * for an unsupported {@code Expect}) carrying the request id and the security headers.
 *
 * <p>A body announced too large by {@code Content-Length} on a keep-alive connection is read and
 * dropped, the connection stays usable; a chunked body that grows too large, or a refused
 * {@code Expect: 100-continue}, closes the connection (its remaining bytes cannot be trusted).
 */
public final class BoundedBodyAggregator extends HttpObjectAggregator {
    private final int maxBytes;

    public BoundedBodyAggregator(int maxBytes) {
        super(maxBytes, true);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean keepOpen = !(oversized instanceof FullHttpMessage) && ctx.channel().config().isAutoRead()
                && HttpUtil.isKeepAlive(oversized) && !HttpUtil.is100ContinueExpected(oversized);
        ApiException e = ApiException.payloadTooLarge(maxBytes);
        if (!keepOpen) {
            e = new ApiException(413, e.code(), e.getMessage(), Map.of(),
                    Map.of("Connection", HttpHeaderValues.CLOSE.toString()));
        }
        Responder.error(ctx.channel(), ctx.channel().attr(RequestContextHandler.CURRENT).get(), e);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(response instanceof HttpResponse r) || r.status().codeClass() != HttpStatusClass.CLIENT_ERROR) {
            return response;
        }
        // written by the aggregator itself, towards the head: it does not pass the request-id handler that stamps the security headers
        int status = r.status().code();
        ReferenceCountUtil.release(response);
        RequestContext rc = pipeline.channel().attr(RequestContextHandler.CURRENT).get();
        ApiException e = status == 413 ? ApiException.payloadTooLarge(maxBytes)
                : new ApiException(status, "expectation_failed", "unsupported Expect header");
        FullHttpResponse refusal = Responder.toNetty(ApiResponse.error(e, rc == null ? "unknown" : rc.requestId()));
        HttpUtil.setKeepAlive(refusal, false);
        SecurityHeaders.apply(refusal.headers(), rc == null || rc.api());
        return refusal;
    }
}
