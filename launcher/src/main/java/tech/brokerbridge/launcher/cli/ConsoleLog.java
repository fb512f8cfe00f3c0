package tech.brokerbridge.launcher.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * A command's own output is all the user sees: for every command but {@code serve}, log lines stay off
 * the terminal unless {@code --verbose} is given. Only console appenders are silenced; a log file, if
 * one is configured, still gets everything.
 */
final class ConsoleLog {
    private ConsoleLog() {
    }

    /**
     * Silences every console appender of the root logger (when the logging backend is Logback) until
     * the returned handle is closed (tests run commands in a JVM that goes on logging).
     */
    static Silence quiet() {
        DenyAll deny = new DenyAll();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
                Appender<ILoggingEvent> appender = it.next();
                if (appender instanceof ConsoleAppender) {
                    appender.addFilter(deny);
                }
            }
        }
        return deny::stop;
    }

    /** Console logging silenced until {@link #close()}. */
    interface Silence extends AutoCloseable {
        @Override
        void close();
    }

    /** Denies every event while started; a stopped filter stays attached and lets everything through. */
    private static final class DenyAll extends Filter<ILoggingEvent> {
        DenyAll() {
            start();
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            return isStarted() ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
