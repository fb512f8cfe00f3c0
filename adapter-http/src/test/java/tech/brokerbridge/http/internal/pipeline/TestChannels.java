package tech.brokerbridge.http.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.http.internal.web.Json;

/** Embedded channels with a chosen peer address, requests and answer readers for handler tests. */
final class TestChannels {
    static final InetSocketAddress LOOPBACK_PEER = new InetSocketAddress("127.0.0.1", 40_000);
    static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    private TestChannels() {
    }

    /** An embedded channel whose peer is {@code peer} and whose local address is 127.0.0.1:8080. */
    static final class PeerChannel extends EmbeddedChannel {
        private SocketAddress peer;

        PeerChannel(SocketAddress peer, ChannelHandler... handlers) throws Exception {
            super(false, true, handlers);
            this.peer = peer;
            register();
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return peer;
        }

        @Override
        protected SocketAddress localAddress0() {
            return LOCAL;
        }
    }

    /** Collects the requests that got through. */
    static final class Sink extends ChannelInboundHandlerAdapter {
        final List<FullHttpRequest> passed = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            passed.add((FullHttpRequest) msg);
        }
    }

    /** The end of a handler test's pipeline: takes each request in (releasing it), then acts as a route would. */
    static final class Tail extends ChannelInboundHandlerAdapter {
        /** What the tail does with a request it took in. */
        interface Action {
            void act(ChannelHandlerContext ctx) throws Exception;
        }

        private final Action action;

        Tail(Action action) {
            this.action = action;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            ReferenceCountUtil.release(msg);
            action.act(ctx);
        }
    }

    /**
     * A loopback channel: request-id (which stamps the security headers), the handler under test, a sink.
     */
    static PeerChannel chain(Sink sink, ChannelHandler... underTest) throws Exception {
        List<ChannelHandler> hs = new ArrayList<>();
        hs.add(new RequestContextHandler());
        hs.addAll(List.of(underTest));
        hs.add(sink);
        return new PeerChannel(LOOPBACK_PEER, hs.toArray(new ChannelHandler[0]));
    }

    static FullHttpRequest request(HttpMethod method, String uri, String host, String... headers) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.buffer(0));
        if (host != null) {
            r.headers().set("Host", host);
        }
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        return r;
    }

    static FullHttpRequest get(String uri) {
        return request(HttpMethod.GET, uri, "127.0.0.1:8080");
    }

    static JsonNode json(FullHttpResponse r) {
        try {
            return Json.mapper().readTree(r.content().toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
