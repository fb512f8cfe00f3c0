package tech.brokerbridge.launcher.setup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log line of every logger at every level while open, with its stack trace, as text. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level before = root.getLevel();

    LogCapture() {
        setContext(root.getLoggerContext());
        start();
        root.addAppender(this);
        root.setLevel(Level.ALL);
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        String text = e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage();
        if (e.getThrowableProxy() != null) {
            text += "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
        }
        lines.add(text);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(before);
        stop();
    }
}
