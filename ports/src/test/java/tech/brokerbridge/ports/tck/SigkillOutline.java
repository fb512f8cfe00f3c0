package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outline of a "nothing lost" test, shared by the adapters that keep state on disk: a child JVM (a
 * {@code main} on this test's class path, given the data directory as its only argument) writes and
 * prints one line per acknowledged step; once it has printed a given number of lines that start with a
 * given word it is killed with SIGKILL mid-flow. The subclass then reopens the storage and finds every
 * step the child acknowledged.
 */
public abstract class SigkillOutline {
    @TempDir
    protected Path dir;

    private final Class<?> writerMain;
    private final String ackWord;
    private final int acksBeforeKill;

    /**
     * @param writerMain the child's main class; it never stops on its own before the test has read
     *     {@code acksBeforeKill} acknowledgements
     * @param ackWord how the lines that count start, e.g. {@code "done "}
     * @param acksBeforeKill how many of them the child prints before it is killed
     */
    protected SigkillOutline(Class<?> writerMain, String ackWord, int acksBeforeKill) {
        this.writerMain = writerMain;
        this.ackWord = ackWord;
        this.acksBeforeKill = acksBeforeKill;
    }

    /**
     * Reopens the storage the child wrote in {@code data} and finds every step in {@code lines} (all the
     * lines the child printed, the counted acknowledgements and the others), and nothing half-written.
     */
    protected abstract void findEveryAcknowledgedStep(Path data, List<String> lines) throws Exception;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // an upper bound for a loaded machine, not a speed goal
    void everyAcknowledgedStepSurvivesSigkill() throws Exception {
        Path data = dir.resolve("data");
        findEveryAcknowledgedStep(data, linesUntilKilled(data));
    }

    /**
     * Runs the child on {@code data} (its standard error kept in {@link #dir}), reads its lines until
     * enough of them are acknowledgements, then kills it. Fails the test when the child stopped early
     * (showing its standard error) or was not killed.
     */
    private List<String> linesUntilKilled(Path data) throws IOException, InterruptedException {
        Path stderr = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), writerMain.getName(), data.toString())
                .redirectError(stderr.toFile())
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int counted = 0;
            String line;
            while (counted < acksBeforeKill && (line = out.readLine()) != null) {
                lines.add(line);
                counted += line.startsWith(ackWord) ? 1 : 0;
            }
            // SIGKILL while the child is still writing (it never stops on its own before its safety cap);
            // this also closes our end of its stdout, so lines printed after the last read are not checked
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        assertEquals(acksBeforeKill, lines.stream().filter(l -> l.startsWith(ackWord)).count(),
                () -> "the child stopped early: " + lines + "\n" + readQuietly(stderr));
        assertNotEquals(0, child.exitValue(), "the child was killed, it did not finish");
        return lines;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
