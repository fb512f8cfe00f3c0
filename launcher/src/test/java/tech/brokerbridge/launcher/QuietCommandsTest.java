package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.desk.SetupDesk;

/** A command's own output is all the user sees: no log line on the terminal unless {@code --verbose}. */
class QuietCommandsTest {
    @TempDir
    Path home;

    @Test
    void credentialsSetAndListPrintOnlyTheirOwnOutput() throws Exception {
        DaemonProcess set = DaemonProcess.start(home, Map.of(), "credentials", "set", "claude");
        try (OutputStream stdin = set.process.getOutputStream()) {
            stdin.write("sk-quiet-test-key\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(0, set.finish(Duration.ofSeconds(60)), set.output());
        DaemonProcess list = DaemonProcess.run(home, Map.of(), "credentials", "list");
        assertEquals(0, list.process.exitValue(), list.output());

        assertEquals(List.of(), list.errLines(), "nothing on standard error: " + list.output());
        assertEquals(SetupDesk.PROVIDERS.size(), list.outLines().size(), list.output());
        assertTrue(list.outLines().get(0).matches("claude\\s+saved\\s+saved"), list.output());
        assertEquals(List.of("saved the claude credential (claude.api_key) in the vault"), set.outLines());
        assertEquals(List.of(), set.errLines(), set.output());
    }

    @Test
    void verboseShowsTheLogLines() throws Exception {
        DaemonProcess list = DaemonProcess.run(home, Map.of(), "credentials", "list", "--verbose");
        assertEquals(0, list.process.exitValue(), list.output());
        assertTrue(list.errLines().stream().anyMatch(l -> l.contains(" INFO ") && l.contains("secret store opened")),
                list.output());
        assertEquals(SetupDesk.PROVIDERS.size(), list.outLines().size(), list.output());
    }
}
