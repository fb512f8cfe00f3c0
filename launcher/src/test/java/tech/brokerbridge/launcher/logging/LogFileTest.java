package tech.brokerbridge.launcher.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daemon's log file: one line per event, rolled at its cap into compressed archives, owner-only. */
class LogFileTest {
    private static final Logger LOG = LoggerFactory.getLogger("tech.brokerbridge.test.LogFileTest");
    @TempDir
    Path home;

    @Test
    void writingPastTheCapRollsIntoAFewCompressedOwnerOnlyArchives() throws IOException {
        long cap = 8 * 1024;
        int kept = 3;
        int events = 600; // ≈ 150 bytes each: ≈ 90 KiB, eleven times the cap
        try (LogFile log = LogFile.attach(home, cap, kept)) {
            for (int i = 0; i < events; i++) {
                LOG.info("event {} {}", i, "x".repeat(60));
            }
            assertEquals(LogFile.path(home), log.file());
        }
        Path dir = home.resolve("logs");
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("brokerbridge.1.log.gz", "brokerbridge.2.log.gz", "brokerbridge.3.log.gz",
                "brokerbridge.log"), names, "the active file and " + kept + " archives, the oldest dropped");
        assertTrue(Files.size(LogFile.path(home)) <= cap + 200, "the active file stays near its cap");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        for (String n : names) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(n))), n);
        }
        // the newest events are in the active file, the ones before them in .1, .2, .3, in order, none lost between
        List<String> lines = new ArrayList<>();
        for (String n : List.of("brokerbridge.3.log.gz", "brokerbridge.2.log.gz", "brokerbridge.1.log.gz")) {
            lines.addAll(gunzip(dir.resolve(n)));
        }
        lines.addAll(Files.readAllLines(LogFile.path(home)));
        assertTrue(lines.get(lines.size() - 1).contains("event " + (events - 1) + " "), lines.get(lines.size() - 1));
        int first = Integer.parseInt(lines.get(0).replaceAll(".* event (\\d+) .*", "$1"));
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).contains(" event " + (first + i) + " "), lines.get(i));
        }
    }

    @Test
    void anEventIsOneLineEvenWithLineBreaksAndAStackTrace() throws IOException {
        try (LogFile log = LogFile.attach(home)) {
            LOG.warn("first line\nINFO forged second line\r\nthird", new IllegalStateException("boom\nmore",
                    new RuntimeException("cause")));
            LOG.info("after");
        }
        List<String> lines = Files.readAllLines(LogFile.path(home));
        assertEquals(2, lines.size(), String.join("\n", lines));
        String warn = lines.get(0);
        assertTrue(warn.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN .*"), warn);
        assertTrue(warn.contains("first line INFO forged second line third"), warn);
        assertTrue(warn.contains("third | java.lang.IllegalStateException: boom | more | at ") && warn.contains("cause"), warn);
        assertTrue(lines.get(1).contains(" INFO ") && lines.get(1).endsWith("- after"), lines.get(1));
    }

    @Test
    void anExistingLogFileIsAppendedToAndMadeOwnerOnly() throws IOException {
        Files.createDirectories(home.resolve("logs"));
        Files.writeString(LogFile.path(home), "an older line\n");
        Files.setPosixFilePermissions(LogFile.path(home), PosixFilePermissions.fromString("rw-r--r--"));
        try (LogFile log = LogFile.attach(home)) {
            LOG.info("appended");
        }
        List<String> lines = Files.readAllLines(LogFile.path(home));
        assertEquals("an older line", lines.get(0));
        assertTrue(lines.get(1).endsWith("appended"), lines.get(1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(LogFile.path(home))));
    }

    static List<String> gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
