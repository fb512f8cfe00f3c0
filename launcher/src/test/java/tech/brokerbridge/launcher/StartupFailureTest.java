package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk that cannot start says why in one line and exits with its code; the injector's report
 * (hundreds of lines of stack trace) goes to the log at debug level only.
 */
class StartupFailureTest {
    @TempDir
    Path home;

    private static void assertOneClearLine(DaemonProcess d, int code, String expected) {
        assertEquals(code, d.process.exitValue(), d.output());
        List<String> mine = d.errLines().stream().filter(l -> l.startsWith("brokerbridge: ")).toList();
        assertEquals(1, mine.size(), d.output());
        assertTrue(mine.get(0).contains(expected), mine.get(0));
        assertFalse(d.output().contains("\tat ") || d.output().contains("Guice") || d.output().contains("injector"),
                "no stack trace, no injector report: " + d.output());
        // the start's own INFO lines come first (journal migrations, and for the vault, which opens beside the
        // journal, broker and desk, their start and stop): a few dozen at most, never an injector report
        assertTrue(d.all.size() < 25, d.all.size() + " lines: " + d.output());
    }

    @Test
    void aDamagedPaperAccountFile() throws Exception {
        Files.writeString(home.resolve("paper-account.json"), "{");
        DaemonProcess d = DaemonProcess.run(home, Map.of(), "serve", "--port", "0");
        assertOneClearLine(d, 1, "brokerbridge: cannot start: the paper account file " + home.resolve("paper-account.json")
                + " is damaged");
    }

    @Test
    void aDamagedVaultFile() throws Exception {
        Files.writeString(home.resolve("vault.json"), "garbage");
        DaemonProcess d = DaemonProcess.run(home, Map.of(), "serve", "--port", "0");
        assertOneClearLine(d, 1, "vault.json is damaged");
    }

    @Test
    void aDataDirectoryWhoseLockCannotBeTaken() throws Exception {
        Files.createDirectory(home.resolve("daemon.lock"));
        DaemonProcess d = DaemonProcess.run(home, Map.of(), "serve", "--port", "0");
        assertOneClearLine(d, 1, "brokerbridge: cannot use the data directory " + home + ": cannot open "
                + home.resolve("daemon.lock"));
    }
}
