package tech.brokerbridge.launcher.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The daemon's log file, {@code <data directory>/logs/brokerbridge.log}: every event that goes to
 * standard error, in the same one-line format, also goes here. At {@link #MAX_BYTES} the file is
 * rolled into {@code brokerbridge.1.log.gz} (older ones shift up; {@link #KEPT} are kept, the oldest
 * dropped), so the logs never hold more than about {@code MAX_BYTES} plus the compressed archives.
 * The directory is 0700 and every file in it 0600 (on POSIX file systems).
 */
public final class LogFile implements AutoCloseable {
    public static final String DIRECTORY = "logs";
    public static final String NAME = "brokerbridge.log";
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int KEPT = 5;
    static final String PATTERN_PROPERTY = "BROKERBRIDGE_LOG_PATTERN";
    private static final String FALLBACK_PATTERN = "%d{ISO8601} %-5level %logger - %replace(%msg){'[\\r\\n]+', ' '}%n";

    private final Logger root;
    private final PrivateRollingFileAppender appender;

    private LogFile(Logger root, PrivateRollingFileAppender appender) {
        this.root = root;
        this.appender = appender;
    }

    /** The active log file of a data directory. */
    public static Path path(Path home) {
        return home.resolve(DIRECTORY).resolve(NAME);
    }

    /**
     * Starts writing the log file of {@code home} (creating {@code logs/}) with the default cap.
     *
     * @throws UncheckedIOException when the directory cannot be created
     */
    public static LogFile attach(Path home) {
        return attach(home, MAX_BYTES, KEPT);
    }

    /** As {@link #attach(Path)}, with a cap of {@code maxBytes} per file and {@code kept} archives. */
    public static LogFile attach(Path home, long maxBytes, int kept) {
        Path file = path(home);
        try {
            FilePermissions.createPrivateDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrivateRollingFileAppender appender = new PrivateRollingFileAppender();
        appender.setContext(context);
        appender.setName("FILE " + file);
        appender.setFile(file.toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.getParent().resolve("brokerbridge.%i.log.gz").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(kept);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(maxBytes));
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0)); // the default checks once a minute
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        String pattern = context.getProperty(PATTERN_PROPERTY);
        encoder.setPattern(pattern == null ? FALLBACK_PATTERN : pattern);
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw new UncheckedIOException(new IOException("cannot open " + file));
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new LogFile(root, appender);
    }

    /** The active file. */
    public Path file() {
        return Path.of(appender.getFile());
    }

    /** Stops writing the file. Idempotent. */
    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
