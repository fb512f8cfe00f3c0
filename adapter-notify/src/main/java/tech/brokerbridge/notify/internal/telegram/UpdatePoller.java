package tech.brokerbridge.notify.internal.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads button presses and commands by long-polling {@code getUpdates}: an outbound call that waits
 * for news, so no port is opened and no webhook is needed. Each update is confirmed by asking from the
 * next offset. Failures back off from 1 s, doubling up to 60 s; without a saved token it waits for one.
 * The polls themselves carry only the offset and the wait and are not audited; what the desk answers is.
 */
public final class UpdatePoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdatePoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private final TelegramApi api;
    private final PressHandler handler;
    private final Duration wait;
    private final Thread thread;
    private volatile String problem = "";
    private long offset;

    public UpdatePoller(TelegramApi api, PressHandler handler, Duration wait) {
        this.api = api;
        this.handler = handler;
        this.wait = wait;
        this.thread = new Thread(this::run, "notify-telegram-updates");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Why reading presses fails now; empty while it works. */
    public String problem() {
        return problem;
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<JsonNode> updates = api.updates(offset, wait);
                problem = "";
                backoff = Duration.ofSeconds(1);
                for (JsonNode u : updates) {
                    offset = Math.max(offset, u.path("update_id").asLong() + 1);
                    try {
                        handler.handle(u);
                    } catch (RuntimeException e) { // one bad update must not stop the presses behind it
                        LOG.warn("a Telegram update could not be handled: {}", e.toString());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | IllegalStateException e) {
                problem = e instanceof IllegalStateException ? e.getMessage()
                        : "reading presses fails: " + e.getMessage();
                LOG.debug("Telegram getUpdates: {}", problem);
                try {
                    Thread.sleep(backoff.toMillis()); // this poller's own backoff, woken by close()
                } catch (InterruptedException stop) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
