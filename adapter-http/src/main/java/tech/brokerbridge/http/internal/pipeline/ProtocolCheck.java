package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.brokerbridge.http.internal.limit.ClientEvents;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Refuses, as soon as a request's headers arrive, what this HTTP/1.1 server does not speak: any version
 * but 1.0 and 1.1 gets 505 (an HTTP/2 preface is counted as such), any transfer coding but
 * {@code chunked} alone gets 501 (e.g. {@code gzip, chunked}: the body would be read wrongly). The body's
 * framing cannot be trusted then, so the rest of the request is dropped and the connection closes after
 * the answer. A request the codec could not parse passes on (the local-only guard answers 400).
 *
 * <p>One per connection, called by {@link RequestContextHandler} for each message of the request in
 * flight (a plain call, not a pipeline handler of its own). Event loop only.
 */
final class ProtocolCheck {
    private static final Map<String, String> CLOSE = Map.of("Connection", "close");
    private final ClientEvents events;
    private boolean dropping;

    ProtocolCheck(ClientEvents events) {
        this.events = events;
    }

    /**
     * Refuses {@code msg} (a request's headers: answered, and the connection closes after the answer) or
     * drops it (the rest of a refused request); either way it is released.
     *
     * @param rc the request in flight
     * @return true when {@code msg} was taken here, false when it goes on
     */
    boolean takes(ChannelHandlerContext ctx, HttpObject msg, RequestContext rc) {
        if (dropping && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            return true;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            ApiException refusal = refusal(request);
            if (refusal != null) {
                dropping = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                ctx.channel().writeAndFlush(Responder.toNetty(ApiResponse.error(refusal,
                        rc == null ? RequestIds.next() : rc.requestId()))).addListener(ChannelFutureListener.CLOSE);
                return true;
            }
        }
        return false;
    }

    private ApiException refusal(HttpRequest request) {
        HttpVersion v = request.protocolVersion();
        if (!"HTTP".equals(v.protocolName()) || v.majorVersion() != 1 || v.minorVersion() > 1) {
            if (v.majorVersion() == 2) {
                events.count(ClientEvents.Kind.HTTP2_OPENING);
            }
            return new ApiException(505, "http_version_not_supported",
                    "only HTTP/1.1 and HTTP/1.0 are served here", Map.of(), CLOSE);
        }
        if (!request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return null;   // the common case, without making a list
        }
        List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!onlyChunked(codings)) {
            return new ApiException(501, "not_implemented",
                    "the only transfer coding served is 'chunked' alone; send the body with Content-Length or "
                            + "Transfer-Encoding: chunked", Map.of(), CLOSE);
        }
        return null;
    }

    private static boolean onlyChunked(List<String> headers) {
        String[] codings = String.join(",", headers).split(",", -1);
        return codings.length == 1 && codings[0].trim().toLowerCase(Locale.ROOT).equals("chunked");
    }
}
