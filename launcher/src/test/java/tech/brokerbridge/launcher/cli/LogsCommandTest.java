package tech.brokerbridge.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.Main;
import tech.brokerbridge.launcher.logging.LogFile;

/** {@code brokerbridge logs}: the last lines, {@code -f} across a roll-over, a clear answer without a file. */
class LogsCommandTest {
    @TempDir
    Path home;

    @Test
    void printsTheLastLines() throws Exception {
        write("one\ntwo\nthree\n");
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "logs", "--home",
                home.toString(), "-n", "2"));
        assertEquals("two\nthree\n", out.toString().replace(System.lineSeparator(), "\n"));
        StringWriter path = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(path), new PrintWriter(new StringWriter()), "logs", "--home",
                home.toString(), "--path"));
        assertEquals(LogFile.path(home).toString(), path.toString().strip());
    }

    @Test
    void withoutALogFileItSaysWhereItWouldBe() {
        StringWriter err = new StringWriter();
        assertEquals(1, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "logs", "--home",
                home.toString()));
        assertTrue(err.toString().contains("no log file yet at " + LogFile.path(home)), err.toString());
    }

    @Test
    void followPrintsNewLinesAndCarriesOnAfterARollOver() throws Exception {
        write("old\n");
        StringWriter out = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread follower = new Thread(() -> code.set(Main.run(new PrintWriter(out, true),
                new PrintWriter(new StringWriter()), "logs", "-f", "--home", home.toString())));
        follower.start();
        try {
            await(out, "old\n");
            append("new 1\nhalf ");
            await(out, "new 1\n");
            append("a line\n");
            await(out, "half a line\n");
            // roll-over: the file is moved away and a new one begins
            Files.move(LogFile.path(home), home.resolve("logs/brokerbridge.1.log"));
            write("after the roll-over\n");
            await(out, "after the roll-over\n");
        } finally {
            follower.interrupt();
            follower.join(Duration.ofSeconds(10).toMillis());
        }
        assertEquals(0, code.get(), "an interrupted follow ends normally");
        assertEquals("old\nnew 1\nhalf a line\nafter the roll-over\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    private void write(String text) throws Exception {
        Files.createDirectories(LogFile.path(home).getParent());
        Files.writeString(LogFile.path(home), text);
    }

    private void append(String text) throws Exception {
        Files.writeString(LogFile.path(home), text, StandardOpenOption.APPEND);
    }

    private static void await(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!out.toString().replace(System.lineSeparator(), "\n").contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never printed " + text + "; printed:\n" + out);
            }
            Thread.sleep(20);
        }
    }
}
