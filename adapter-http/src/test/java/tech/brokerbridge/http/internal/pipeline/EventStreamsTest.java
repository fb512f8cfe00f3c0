package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.RequestContext;

/** The stream's own timing and frames, on an embedded channel whose clock the test moves. */
class EventStreamsTest {
    private static String text(Object msg) {
        HttpContent c = assertInstanceOf(HttpContent.class, msg);
        try {
            return c.content().toString(StandardCharsets.UTF_8);
        } finally {
            c.release();
        }
    }

    @Test
    void aHeartbeatCommentEveryFifteenSecondsAndNothingBetween() {
        EventStreams streams = new EventStreams(Duration.ofSeconds(15), e -> new byte[0], java.time.Instant::now);
        EmbeddedChannel ch = new EmbeddedChannel();
        streams.open(ch, new RequestContext("req-1", "GET", "/api/events"), Optional.empty());
        assertInstanceOf(HttpResponse.class, ch.readOutbound());
        assertEquals("retry: 3000\n\n", text(ch.readOutbound()));
        assertTrue(text(ch.readOutbound()).startsWith("event: ready\n"));
        assertNull(ch.readOutbound());
        ch.advanceTimeBy(14, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertNull(ch.readOutbound(), "no heartbeat before 15 s");
        ch.advanceTimeBy(1, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(": heartbeat\n\n", text(ch.readOutbound()));
        ch.advanceTimeBy(15, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertEquals(": heartbeat\n\n", text(ch.readOutbound()));
        assertEquals(1, streams.open());
        ch.close();
        assertEquals(0, streams.open());
        ch.advanceTimeBy(30, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertNull(ch.readOutbound(), "no heartbeat after close");
    }

    @Test
    void aFrameIsIdEventAndOneDataLine() {
        assertEquals("id: 7\nevent: scan.progress\ndata: {\"a\":1}\n\n", new String(EventStreams.frame(Optional.of(7L),
                "scan.progress", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }
}
