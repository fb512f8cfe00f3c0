package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.DeskEvents;
import tech.brokerbridge.ports.events.EventSubscription;

/**
 * {@code GET /api/events}: the desk's events as Server-Sent Events, to every open stream.
 *
 * <p>One subscription to the desk feeds all streams. Each event becomes one SSE frame ({@code id},
 * {@code event} = its type, {@code data} = its JSON), kept in a replay buffer of the last
 * {@value #REPLAY} frames. A client reconnecting with {@code Last-Event-ID} gets the frames it missed that
 * are still buffered, then a {@code ready} event saying whether that replay was complete; a new client
 * gets {@code ready} at once. Either way the page then reloads its state once and follows the stream.
 * A comment ({@code : heartbeat}) every {@code heartbeat} keeps proxies and the browser from giving up.
 *
 * <p>Never holds the event loop and never blocks: frames are written with {@code writeAndFlush} from the
 * desk's delivery thread (Netty queues them to the channel's loop). A slow client cannot grow memory
 * without bound: a stream with more than {@value #MAX_PENDING_BYTES} bytes written but not yet sent is
 * closed (the browser reconnects with {@code Last-Event-ID}). At most {@value #MAX_STREAMS} streams are
 * open at once; one more is 503.
 */
public final class EventStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
    static final int REPLAY = 1024;
    static final long MAX_PENDING_BYTES = 1024 * 1024;
    static final int MAX_STREAMS = 32;
    /** How long the browser waits before reconnecting, in milliseconds. */
    static final int RETRY_MILLIS = 3000;

    private final Duration heartbeat;
    private final Function<DeskEvent, byte[]> json;
    private final java.util.function.Supplier<java.time.Instant> now;
    private final Object lock = new Object();
    private final ArrayDeque<Frame> replay = new ArrayDeque<>();
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private volatile EventSubscription subscription;
    private volatile boolean closed;

    /** One event's frame. */
    record Frame(long id, byte[] bytes) {
    }

    /** What {@code ready} says; {@code serverTime} lets the page count down in the desk's time. */
    record Ready(long lastEventId, int replayed, boolean complete, java.time.Instant serverTime) {
    }

    public EventStreams(Duration heartbeat, Function<DeskEvent, byte[]> json,
            java.util.function.Supplier<java.time.Instant> now) {
        this.heartbeat = heartbeat;
        this.json = json;
        this.now = now;
    }

    /** Streams that refuse every stream (503). */
    static EventStreams closed() {
        EventStreams s = new EventStreams(Duration.ofSeconds(15), e -> new byte[0], java.time.Instant::now);
        s.closed = true;
        return s;
    }

    /** Subscribes to the desk; events published before are not streamed. */
    public void start(DeskEvents desk) {
        subscription = desk.subscribe(this::publish);
    }

    /** The number of open streams. */
    public int open() {
        return streams.size();
    }

    void publish(DeskEvent e) {
        byte[] data = json.apply(e);
        byte[] frame = frame(Optional.of(e.id()), e.type(), data);
        synchronized (lock) {
            replay.addLast(new Frame(e.id(), frame));
            while (replay.size() > REPLAY) {
                replay.removeFirst();
            }
            for (SseStream s : streams) {
                s.send(frame);
            }
        }
    }

    /**
     * Opens a stream on {@code channel} for the request {@code rc}: answers 200 {@code text/event-stream},
     * replays what the client missed after {@code lastEventId}, says {@code ready}. Event loop only.
     */
    void open(Channel channel, RequestContext rc, Optional<String> lastEventId) {
        SseStream stream = new SseStream(channel, MAX_PENDING_BYTES);
        // under the lock: a stop (endAll) or an event either comes before this stream exists or sees it
        synchronized (lock) {
            if (closed) {
                Responder.error(channel, rc, ApiException.unavailable("the server is stopping"));
                return;
            }
            if (streams.size() >= MAX_STREAMS) {
                Responder.error(channel, rc, ApiException.unavailable("too many event streams are open ("
                        + MAX_STREAMS + "); close a tab and retry"));
                return;
            }
            HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            res.headers().set("X-Accel-Buffering", "no");
            HttpUtil.setTransferEncodingChunked(res, true);
            channel.write(res);
            streams.add(stream);
            stream.send(("retry: " + RETRY_MILLIS + "\n\n").getBytes(StandardCharsets.UTF_8));
            Ready ready = replayAfter(lastEventId.flatMap(EventStreams::parse), stream);
            stream.send(frame(Optional.empty(), "ready", Json.write(ready)));
        }
        channel.closeFuture().addListener(f -> streams.remove(stream));
        stream.heartbeats(heartbeat);
    }

    private Ready replayAfter(Optional<Long> last, SseStream stream) {
        long newest = replay.isEmpty() ? 0 : replay.getLast().id();
        if (last.isEmpty()) {
            return new Ready(newest, 0, false, now.get());
        }
        long after = last.get();
        List<Frame> missed = new ArrayList<>();
        for (Frame f : replay) {
            if (f.id() > after) {
                missed.add(f);
            }
        }
        // complete: the client's last id is of this run and nothing after it has left the buffer
        boolean complete = after <= newest && (after == newest || replay.getFirst().id() <= after + 1);
        missed.forEach(f -> stream.send(f.bytes()));
        return new Ready(newest, missed.size(), complete, now.get());
    }

    private static Optional<Long> parse(String id) {
        try {
            long v = Long.parseLong(id.trim());
            return v < 0 ? Optional.empty() : Optional.of(v);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static byte[] frame(Optional<Long> id, String event, byte[] data) {
        StringBuilder b = new StringBuilder(data.length + 48);
        id.ifPresent(i -> b.append("id: ").append(i).append('\n'));
        b.append("event: ").append(event).append('\n');
        // JSON from Jackson has no raw line break, so the data is one line
        b.append("data: ").append(new String(data, StandardCharsets.UTF_8)).append("\n\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Ends every stream (the server is stopping): each answer completes, so its connection can close. */
    public void endAll() {
        List<SseStream> open;
        synchronized (lock) {
            closed = true;
            open = new ArrayList<>(streams);
        }
        for (SseStream s : open) {
            s.end();
        }
    }

    @Override
    public void close() {
        endAll();
        EventSubscription s = subscription;
        if (s != null) {
            s.close();
        }
        LOG.debug("event streams closed");
    }
}
