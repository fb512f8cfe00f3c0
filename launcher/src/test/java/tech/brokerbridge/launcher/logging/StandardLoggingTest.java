package tech.brokerbridge.launcher.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StandardLoggingTest {
    @Test
    void usesThePatternOfTheShippedLogbackXml() throws IOException {
        // logback.xml stays in the jar as the copy the README offers embedders: it must say the same
        String xml;
        try (InputStream in = StandardLogging.class.getResourceAsStream("/logback.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("name=\"BROKERBRIDGE_LOG_PATTERN\"\\s+value=\"([^\"]*)\"").matcher(xml);
        assertTrue(m.find(), "no pattern property in logback.xml");
        assertEquals(m.group(1), StandardLogging.PATTERN);
        assertTrue(xml.contains("<logger name=\"io.netty\" level=\"WARN\"/>"));
        assertTrue(xml.contains("<logger name=\"com.google.inject\" level=\"WARN\"/>"));
        assertTrue(xml.contains("<root level=\"INFO\">"));
        assertTrue(xml.contains("<target>System.err</target>"));
    }

    @Test
    void writesOneLinePerEventOnStandardErrorFromInfoUp() {
        LoggerContext context = new LoggerContext();
        StandardLogging.apply(context);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.WARN, context.getLogger("io.netty").getLevel());
        assertEquals(Level.WARN, context.getLogger("com.google.inject").getLevel());
        assertEquals(StandardLogging.PATTERN, context.getProperty(LogFile.PATTERN_PROPERTY));
        Appender<ILoggingEvent> appender = root.getAppender(StandardLogging.CONSOLE_APPENDER);
        ConsoleAppender<ILoggingEvent> console = assertInstanceOf(ConsoleAppender.class, appender);
        assertEquals("System.err", console.getTarget());
        assertTrue(console.isStarted());

        LoggingEvent event = new LoggingEvent(StandardLoggingTest.class.getName(), context.getLogger("x.y.Z"),
                Level.WARN, "first\r\nforged line", new IllegalStateException("boom\nmore"), null);
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "not one line: " + line);
        assertTrue(line.contains(" WARN  [") && line.contains("x.y.Z - first forged line | java.lang.IllegalStateException: boom | more | at "),
                line);
    }

    @Test
    void aProcessWithASilentConsoleGetsTheSameLevelsWithoutAConsoleAppender() {
        LoggerContext context = new LoggerContext();
        StandardLogging.apply(context, false);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.WARN, context.getLogger("io.netty").getLevel());
        assertEquals(Level.WARN, context.getLogger("com.google.inject").getLevel());
        assertEquals(StandardLogging.PATTERN, context.getProperty(LogFile.PATTERN_PROPERTY));
        assertFalse(root.iteratorForAppenders().hasNext(), "no appender");
    }
}
