package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import tech.brokerbridge.http.internal.limit.ClientEvents;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Gives each request an id and serves the requests of one connection one at a time.
 *
 * <p>It sits before the aggregator so that even a refused oversized body has an id. It publishes the
 * request in flight as the channel attribute {@link #CURRENT} and stamps the {@link SecurityHeaders} and
 * {@code X-Request-Id} on every final answer: every answer of this server is written from the tail of the
 * pipeline ({@link Responder}), so it passes here whichever handler produced it (the one exception, the
 * aggregator's answer to a refused {@code Expect}, applies {@link SecurityHeaders} itself). A request
 * without a body (RFC 9112: neither {@code Content-Length} nor {@code Transfer-Encoding}) goes on as one
 * complete request, fired past the aggregator, which has nothing to gather for the most common requests.
 * It also decides the connection's persistence ({@link KeepAlive}, Netty's keep-alive rules as plain calls).
 *
 * <p>Pipelined requests that arrive while one is in flight wait here (reading pauses) until its answer
 * is written: a route that runs off the event loop can never have its answer overtaken. When the server
 * stops, the connection is closed after the answer in flight, or at once if idle.
 *
 * <p>Each request first passes the connection's {@link ProtocolCheck} (505/501 at its headers) and
 * starts its {@link BodyDeadline}, as plain calls here rather than handlers of their own: each handler
 * costs every request a hop through the pipeline.
 */
public final class RequestContextHandler extends ChannelDuplexHandler {
    public static final AttributeKey<RequestContext> CURRENT = AttributeKey.valueOf("brokerbridge.request");
    static final AsciiString X_REQUEST_ID = AsciiString.cached("X-Request-Id");
    /** Messages of pipelined requests held at most; reading pauses long before that. */
    private static final int MAX_PARKED = 1024;

    private final ArrayDeque<HttpObject> parked = new ArrayDeque<>();
    private final KeepAlive keepAlive = new KeepAlive();
    /** Writes that arrived while a write was inside the codec (see {@link #write}). */
    private final ArrayDeque<NestedWrite> nested = new ArrayDeque<>(2);
    private boolean writing;
    private boolean flushWanted;
    private final ProtocolCheck protocol;
    private final BodyDeadline deadline;
    /** The channel's {@link #CURRENT}, looked up once: a channel attribute lookup is a search on every call. */
    private Attribute<RequestContext> currentAttr;
    /** The aggregator's context: a complete request without a body is fired from it, past the aggregator. */
    private ChannelHandlerContext aggregator;
    private RequestContext current;
    /** A request without a body whose end has not arrived yet (it follows at once: same read). */
    private HttpRequest bodyless;
    private boolean inboundDone;
    private boolean answerStarted;
    private boolean answerDone;
    private boolean closing;

    /** With the server's protocol check and body deadline. */
    public RequestContextHandler(ClientEvents events, Duration bodyTimeout) {
        this(new ProtocolCheck(events), new BodyDeadline(bodyTimeout, events));
    }

    /** With a body deadline of a day (handler tests). */
    RequestContextHandler() {
        this(new ClientEvents(), Duration.ofDays(1));
    }

    private RequestContextHandler(ProtocolCheck protocol, BodyDeadline deadline) {
        this.protocol = protocol;
        this.deadline = deadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject object)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!ctx.channel().isActive()) {
            // decoded after the connection closed (the rest of a read, or its last bytes): nothing can answer
            // it; dropped here, before the aggregator could start gathering a body nobody will release
            ReferenceCountUtil.release(msg);
            return;
        }
        if (object instanceof HttpRequest request) {
            keepAlive.request(request);   // as it arrives, even when it waits its turn below
        }
        if (!parked.isEmpty() || (object instanceof HttpRequest && current != null)) {
            park(ctx, object);
            return;
        }
        deliver(ctx, object);
    }

    /**
     * Writes towards the codec, one at a time. A write that arrives while another is still inside the codec
     * (a listener of that write's promise, run at once because the write failed on a closed connection,
     * closes the channel; where the channel's close delivers its inactivity at once, as an embedded
     * channel's does, the decoder's last requests are answered from inside that listener) waits until the
     * outer write has returned: Netty's {@code HttpObjectEncoder} keeps the buffers of the write in flight in
     * a field that it clears only after those listeners ran, so a nested write would send (and release)
     * them a second time ("refCnt: 0" under fuzzing).
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (writing) {
            nested.add(new NestedWrite(msg, promise));
            return;
        }
        writing = true;
        try {
            writeNow(ctx, msg, promise);
        } finally {
            writing = false;
        }
        if (!nested.isEmpty() || flushWanted) {
            writeNested(ctx);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (writing) {
            flushWanted = true;   // after the writes that wait, in order
            return;
        }
        ctx.flush();
    }

    private void writeNested(ChannelHandlerContext ctx) {
        NestedWrite w;
        while ((w = nested.poll()) != null) {
            write(ctx, w.msg(), w.promise());
        }
        if (flushWanted) {
            flushWanted = false;
            ctx.flush();
        }
    }

    private void writeNow(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean ends = false;
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            SecurityHeaders.apply(response.headers(), current == null || current.api());
            response.headers().set(X_REQUEST_ID, current != null ? current.requestId() : RequestIds.next());
            if (closing) {
                HttpUtil.setKeepAlive(response, false);
            }
            answerStarted = true;
        }
        if (msg instanceof LastHttpContent && answerStarted && current != null && !answerDone) {
            answerDone = true;
            ends = true;
        }
        ctx.write(msg, keepAlive.write(msg, promise));
        if (ends) {
            maybeFinish(ctx);
        }
    }

    /** True while a request is being served (its answer is not fully written). */
    public boolean busy() {
        return current != null;
    }

    /** True while a request is in flight and its answer has not started. */
    public boolean awaitingAnswer() {
        return current != null && !answerStarted;
    }

    /** Closes the connection now if idle, else once the answer in flight is written. Event loop only. */
    public void closeWhenIdle(ChannelHandlerContext ctx) {
        closing = true;
        if (current == null) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        deadline.cancel();
        releaseParked();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deadline.cancel();
        releaseParked();
    }

    private void deliver(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            current = new RequestContext(RequestIds.next(), request.method().name(), path(request.uri()));
            currentAttr(ctx).set(current);
            inboundDone = false;
            answerStarted = false;
            answerDone = false;
        }
        boolean last = msg instanceof LastHttpContent;
        if (last) {
            deadline.cancel();
            inboundDone = true;   // also for the end of a refused request, dropped below
        }
        if (protocol.takes(ctx, msg, current)) {
            if (last) {
                maybeFinish(ctx);
            }
            return;
        }
        if (msg instanceof HttpRequest request && !last) {
            boolean hasBody = BodyDeadline.hasBody(request);
            deadline.started(ctx, hasBody);
            if (!hasBody && Bodyless.holds(request)) {
                bodyless = request;   // goes on with its end, as one complete request
                return;
            }
        } else if (bodyless != null) {
            HttpRequest request = bodyless;
            bodyless = null;
            FullHttpRequest whole = Bodyless.complete(request, msg);
            if (whole != null) {
                // complete already: nothing for the aggregator to do, so it skips that hop
                pastAggregator(ctx).fireChannelRead(whole);
                if (last) {
                    maybeFinish(ctx);
                }
                return;
            }
            ctx.fireChannelRead(request);
        }
        ctx.fireChannelRead(msg);
        if (last) {
            maybeFinish(ctx);
        }
    }

    private ChannelHandlerContext pastAggregator(ChannelHandlerContext ctx) {
        if (aggregator == null || aggregator.isRemoved()) {
            ChannelHandlerContext a = ctx.pipeline().context(BoundedBodyAggregator.class);
            aggregator = a != null ? a : ctx;
        }
        return aggregator;
    }

    private Attribute<RequestContext> currentAttr(ChannelHandlerContext ctx) {
        if (currentAttr == null) {
            currentAttr = ctx.channel().attr(CURRENT);
        }
        return currentAttr;
    }

    private void maybeFinish(ChannelHandlerContext ctx) {
        if (current == null || !inboundDone || !answerDone) {
            return;
        }
        current = null;
        currentAttr(ctx).set(null);
        if (closing) {
            // later, not inside the write: the answer must be flushed first
            ctx.executor().execute(ctx::close);
            return;
        }
        if (!parked.isEmpty()) {
            // deliver the next pipelined request after this write, not inside it
            ctx.executor().execute(() -> drain(ctx));
        } else if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void drain(ChannelHandlerContext ctx) {
        while (!parked.isEmpty() && ctx.channel().isActive()) {
            HttpObject next = parked.peek();
            if (next instanceof HttpRequest && current != null) {
                return;
            }
            parked.poll();
            deliver(ctx, next);
        }
        if (parked.isEmpty() && current == null && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void park(ChannelHandlerContext ctx, HttpObject msg) {
        if (parked.size() >= MAX_PARKED) {
            ReferenceCountUtil.release(msg);
            releaseParked();
            ctx.close();
            return;
        }
        parked.add(msg);
        ctx.channel().config().setAutoRead(false);
    }

    private void releaseParked() {
        HttpObject m;
        while ((m = parked.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
    }

    private record NestedWrite(Object msg, ChannelPromise promise) {
    }

    /** The percent-decoded path; the raw one when it cannot be decoded (it then matches no route). */
    static String path(String uri) {
        int q = uri.indexOf('?');
        String raw = q < 0 ? uri : uri.substring(0, q);
        if (raw.indexOf('%') < 0 && raw.indexOf('#') < 0) {
            return raw;   // nothing to decode: the common case, without a decoder
        }
        try {
            return new QueryStringDecoder(uri).path();
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
