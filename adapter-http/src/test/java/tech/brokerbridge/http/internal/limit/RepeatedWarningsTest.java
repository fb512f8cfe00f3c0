package tech.brokerbridge.http.internal.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RepeatedWarningsTest {
    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("repeated-test");
    private final ListAppender<ILoggingEvent> out = new ListAppender<>();
    private final RepeatedWarnings warnings = new RepeatedWarnings(logger, now::get);

    RepeatedWarningsTest() {
        out.start();
        logger.addAppender(out);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(out);
    }

    private List<String> messages() {
        return out.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theFirstIsLoggedTheRestOfTheMinuteCountedThenSummarized() {
        for (int i = 0; i < 5_000; i++) {
            warnings.warn("request {} failed: {}", "req-" + i, "boom");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));   // 50 s in all
        }
        assertEquals(List.of("request req-0 failed: boom"), messages());
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        warnings.flush();
        assertEquals(List.of("request req-0 failed: boom", "4999 more in the last minute: request … failed: …"),
                messages());
        warnings.flush();
        assertEquals(2, messages().size(), "a summary is written once");
        warnings.warn("request {} failed: {}", "req-x", "again");
        assertEquals("request req-x failed: again", messages().get(2), "after the summary the next is logged at once");
    }

    @Test
    void aWarningAfterItsMinuteWritesTheSummaryFirst() {
        warnings.warn("a port is down");
        warnings.warn("a port is down");
        warnings.warn("a port is down");
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        warnings.warn("a port is down");
        assertEquals(List.of("a port is down", "2 more in the last minute: a port is down", "a port is down"),
                messages());
    }

    @Test
    void eachTemplateHasItsOwnMinuteAndNothingRepeatedMeansNoSummary() {
        warnings.warn("one");
        warnings.warn("two");
        now.addAndGet(TimeUnit.MINUTES.toNanos(2));
        warnings.flush();
        assertEquals(List.of("one", "two"), messages());
    }
}
