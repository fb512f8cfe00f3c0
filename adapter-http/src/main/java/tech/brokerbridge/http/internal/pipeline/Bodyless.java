package tech.brokerbridge.http.internal.pipeline;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A request without a body made complete without the aggregator: the codec sends its headers and then an
 * empty end; the two become one {@link FullHttpRequest} with an empty body, which the aggregator passes on
 * untouched (it would otherwise build a composite buffer and set {@code Content-Length: 0} for it). Only
 * plain cases are taken: a decoded request, no {@code Expect} (the aggregator answers those), and an end
 * that carries nothing; anything else goes the aggregator's way, unchanged.
 */
final class Bodyless {
    private Bodyless() {
    }

    /** Whether {@code request}, known to have no body ({@link BodyDeadline#hasBody}), is whole once its end arrives. */
    static boolean holds(HttpRequest request) {
        if (request instanceof FullHttpRequest || !request.decoderResult().isSuccess()) {
            return false;
        }
        return !request.headers().contains(HttpHeaderNames.EXPECT);
    }

    /**
     * The held request with its end as one complete request (the end is released), or null when the end
     * is not an empty one (never seen from the codec for a bodyless request): the caller then passes both
     * on as they came.
     */
    static FullHttpRequest complete(HttpRequest request, HttpObject end) {
        if (!(end instanceof LastHttpContent last) || last.content().isReadable() || !last.trailingHeaders().isEmpty()
                || !last.decoderResult().isSuccess()) {
            return null;
        }
        HttpHeaders trailers = last.trailingHeaders();
        last.release();
        FullHttpRequest whole = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), trailers);
        whole.setDecoderResult(request.decoderResult());
        return whole;
    }
}
