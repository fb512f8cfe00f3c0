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

/**
 * The first half of a "nothing lost" test, shared by the adapters that keep state on disk: a child JVM
 * (a {@code main} on this test's class path) writes and prints one line per acknowledged step; once it
 * has printed a given number of lines that start with a given word it is killed with SIGKILL mid-flow.
 * The lines it printed are returned, for the test to reopen the storage and find every acknowledged step.
 */
public final class SigkilledChild {
    private SigkilledChild() {
    }

    /**
     * Runs {@code main} with {@code args} (its standard error kept in {@code workDir}), reads its lines
     * until {@code count} of them start with {@code word}, then kills it. Fails the test when the child
     * stopped early (showing its standard error) or was not killed. Blocks until the child is dead, at
     * most 30 s after the kill; the caller bounds the reading with a test timeout.
     */
    public static List<String> linesUntilKilled(Class<?> main, Path workDir, String word, int count, String... args)
            throws IOException, InterruptedException {
        Path stderr = workDir.resolve("child-stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int counted = 0;
            String line;
            while (counted < count && (line = out.readLine()) != null) {
                lines.add(line);
                counted += line.startsWith(word) ? 1 : 0;
            }
            // SIGKILL while the child is still writing (it never stops on its own before its safety cap);
            // this also closes our end of its stdout, so lines printed after the last read are not checked
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        assertEquals(count, lines.stream().filter(l -> l.startsWith(word)).count(),
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
