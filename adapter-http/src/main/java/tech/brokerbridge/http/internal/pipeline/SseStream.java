package tech.brokerbridge.http.internal.pipeline;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open event stream: frames are written without waiting (from any thread; Netty queues them to the
 * channel's loop) and counted until sent; past {@code maxPending} unsent bytes the client is too slow and
 * the connection is closed, so it cannot hold more than that in memory.
 */
final class SseStream {
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final Channel channel;
    private final long maxPending;
    private final AtomicLong pending = new AtomicLong();
    private volatile ScheduledFuture<?> heartbeat;

    SseStream(Channel channel, long maxPending) {
        this.channel = channel;
        this.maxPending = maxPending;
        channel.closeFuture().addListener(f -> {
            ScheduledFuture<?> h = heartbeat;
            if (h != null) {
                h.cancel(false);
            }
        });
    }

    void send(byte[] frame) {
        if (!channel.isActive()) {
            return;
        }
        if (pending.addAndGet(frame.length) > maxPending) {
            channel.close();   // too slow: it reconnects with Last-Event-ID
            return;
        }
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(frame)))
                .addListener(f -> pending.addAndGet(-frame.length));
    }

    void heartbeats(Duration every) {
        long ms = every.toMillis();
        heartbeat = channel.eventLoop().scheduleAtFixedRate(() -> send(HEARTBEAT), ms, ms, TimeUnit.MILLISECONDS);
        if (!channel.isActive()) {
            heartbeat.cancel(false);
        }
    }

    /** Completes the answer (the connection may then close or serve another request). */
    void end() {
        ScheduledFuture<?> h = heartbeat;
        if (h != null) {
            h.cancel(false);
        }
        if (channel.isActive()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }

    long pending() {
        return pending.get();
    }
}
