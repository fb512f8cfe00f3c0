package tech.brokerbridge.http.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Captures what the server logs at INFO and above, encoded with the daemon's line pattern, so that a
 * test can measure how many bytes an attack adds to the log. Close it to restore the root logger.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    private final AtomicLong bytes = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final Logger root;
    private final Level previous;

    private LogCapture() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        encoder.setContext(ctx);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        setContext(ctx);
        setName("capture");
        start();
        root.addAppender(this);
        root.setLevel(Level.INFO);
    }

    public static LogCapture capture() {
        return new LogCapture();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] encoded = encoder.encode(event);
        bytes.addAndGet(encoded.length);
        synchronized (lines) {
            lines.add(new String(encoded, StandardCharsets.UTF_8));
        }
    }

    /** Bytes logged since the capture started (stack traces included). */
    public long bytes() {
        return bytes.get();
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(previous);
        stop();
    }
}
