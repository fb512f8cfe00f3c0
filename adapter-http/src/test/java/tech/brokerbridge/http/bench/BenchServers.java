package tech.brokerbridge.http.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerFactory;
import tech.brokerbridge.http.LocalHttpServer;
import tech.brokerbridge.http.testing.StubDesk;

/**
 * The two servers that {@code bench/http/run.sh} measures when the launcher jar is not built:
 * <ul>
 *   <li>{@code daemon READY_FILE}: the real server with the whole middleware (rate limit raised to
 *       100000000/60s so it stays active but never refuses) over a {@link StubDesk};</li>
 *   <li>{@code bare READY_FILE HEADERS_FILE BODY_FILE}: a minimal Netty server (codec and one handler)
 *       that answers every request with exactly the given headers and body;</li>
 *   <li>{@code tiny READY_FILE}: the same minimal server answering a fixed tiny JSON body with only
 *       {@code content-type} and {@code content-length}: the floor, without the middleware's headers
 *       (also the bare server of {@code bench/startup/run.sh}).</li>
 * </ul>
 * Each binds 127.0.0.1 on an ephemeral port, writes the port to READY_FILE and serves until killed.
 *
 * <p>The comparison is like for like: the bare and tiny servers are set up as the daemon's
 * {@code NettyLocalHttpServer} is — the NIO transport, one accepting thread, {@code min(4, cores)} event
 * loops, {@code TCP_NODELAY}, a backlog of 256 — so what differs is the daemon's pipeline alone.
 */
public final class BenchServers {
    private static final Logger LOG = LoggerFactory.getLogger(BenchServers.class);

    private BenchServers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("daemon")) {
            daemon(Path.of(args[1]));
        } else if (args.length == 4 && args[0].equals("bare")) {
            bare(Path.of(args[1]), canned(Files.readAllLines(Path.of(args[2]), StandardCharsets.ISO_8859_1),
                    Files.readAllBytes(Path.of(args[3]))));
        } else if (args.length == 2 && args[0].equals("tiny")) {
            bare(Path.of(args[1]), canned(List.of("HTTP/1.1 200 OK", "content-type: application/json",
                    "content-length: 15"), "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII)));
        } else {
            throw new IllegalArgumentException(
                    "usage: daemon READY_FILE | bare READY_FILE HEADERS_FILE BODY_FILE | tiny READY_FILE");
        }
    }

    static void daemon(Path ready) throws IOException, InterruptedException {
        HttpServerConfig config = new HttpServerConfig(0, 100_000_000, Duration.ofSeconds(60), Set.of(),
                Optional.empty(), HttpServerConfig.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(60), 4, "bench");
        LocalHttpServer server = HttpServerFactory.create(config, new StubDesk(), Clock.systemUTC(),
                () -> Map.of("rate_limit", "100000000/60s"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(2))));
        Files.writeString(ready, Integer.toString(server.port()));
        LOG.info("bench daemon on {}", server.boundAddresses());
        new CountDownLatch(1).await();
    }

    static void bare(Path ready, FullHttpResponse canned) throws IOException, InterruptedException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())); // as the daemon's
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        Channel ch = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpServerCodec(), new Canned(canned));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        Files.writeString(ready, Integer.toString(((InetSocketAddress) ch.localAddress()).getPort()));
        LOG.info("bare netty on {}", ch.localAddress());
        ch.closeFuture().sync();
    }

    /** The captured answer: status line ignored (always 200), every header kept in order. */
    static FullHttpResponse canned(List<String> headerLines, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body)));
        for (String line : headerLines.subList(1, headerLines.size())) {
            int c = line.indexOf(':');
            if (c > 0) {
                r.headers().add(line.substring(0, c).trim(), line.substring(c + 1).trim());
            }
        }
        return r;
    }

    /** Answers each complete request with the canned response. */
    private static final class Canned extends SimpleChannelInboundHandler<HttpObject> {
        private final FullHttpResponse canned;
        private boolean keepAlive = true;

        Canned(FullHttpResponse canned) {
            this.canned = canned;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest req) {
                keepAlive = HttpUtil.isKeepAlive(req);
            }
            if (msg instanceof LastHttpContent) {
                FullHttpResponse r = canned.retainedDuplicate();
                if (keepAlive) {
                    ctx.writeAndFlush(r);
                } else {
                    ctx.writeAndFlush(r).addListener(f -> ctx.close());
                }
            }
        }
    }
}
