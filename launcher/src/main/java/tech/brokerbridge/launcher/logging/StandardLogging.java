package tech.brokerbridge.launcher.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The application's logging set-up, made in code (found by Logback through {@code META-INF/services}):
 * log lines go to standard error, one line per event (line breaks in a message or a stack trace are
 * folded, so that a line can be neither split nor forged; {@link LogFile} uses the same pattern);
 * standard output carries only the "listening on" line and the CLI's answers. {@code io.netty} and
 * {@code com.google.inject} log warnings and worse, everything else from INFO.
 *
 * <p>It replaces a {@code logback.xml}: reading one costs every command the XML parser and Joran
 * (about 500 classes, 0.1-0.2 s of a start). A {@code logback.configurationFile} system property or a
 * {@code logback-test.xml} on the class path still wins: then Logback's own configurators run.
 */
public final class StandardLogging extends ContextAwareBase implements Configurator {
    /** The one-line pattern of the console and of {@link LogFile}. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} - "
            + "%replace(%msg){'[\\r\\n]+', ' '}"
            + "%replace(%replace(%ex{full}){'(?s)^\\s*(.+?)\\s*$', ' | $1'}){'\\s*[\\r\\n]+\\s*', ' | '}%nopex%n";
    static final String CONSOLE_APPENDER = "STDERR";

    /** Set before Logback starts by a process whose console stays silent for its whole life. */
    private static volatile boolean noConsole;

    public StandardLogging() {
        // found through the ServiceLoader
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || StandardLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, !noConsole);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * For a process whose console log is silenced from start to exit (a command other than {@code serve},
     * without {@code --verbose}): when Logback is then configured by this class, it gets no console appender
     * at all, instead of one whose events a filter denies (its pattern layout is ~0.1 s of such a command's
     * start). Has no effect once Logback has started, nor when another configuration wins.
     */
    public static void withoutConsole() {
        noConsole = true;
    }

    /** Configures {@code context}: the console appender, the levels and the pattern property {@link LogFile} reads. */
    static void apply(LoggerContext context) {
        apply(context, true);
    }

    /** As {@link #apply(LoggerContext)}, without the console appender unless {@code console}. */
    static void apply(LoggerContext context, boolean console) {
        context.putProperty(LogFile.PATTERN_PROPERTY, PATTERN);
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("com.google.inject").setLevel(Level.WARN);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        if (console) {
            root.addAppender(consoleAppender(context));
        }
    }

    private static ConsoleAppender<ILoggingEvent> consoleAppender(LoggerContext context) {

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE_APPENDER);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        return console;
    }
}
