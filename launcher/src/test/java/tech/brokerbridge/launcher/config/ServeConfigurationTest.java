package tech.brokerbridge.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.Main;

/**
 * {@code brokerbridge serve} refuses a configuration it cannot trust with exit code 2 and one clear
 * message, before it starts anything: conflicting flags (issue 10.9), a {@code config.json} nested too
 * deep or that is a directory (issue 14.7).
 */
class ServeConfigurationTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int serve(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "serve";
        args[1] = "--home";
        args[2] = home.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aPortFlagAndASetPortAreBothReportedNotOneSilentlyIgnored() {
        assertEquals(2, serve("--port", "9000", "--set", "port=abc"));
        String message = err.toString();
        assertTrue(message.contains("port: given 2 times on the command line (--set port=…, --port)"), message);
        assertTrue(message.contains("port (flag): must be a whole number between 0 and 65535 — got 'abc'"), message);
        assertEquals("", out.toString(), "nothing started");
    }

    @Test
    void aConfigFileNested5000LevelsDeepExits2WithOneMessage() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        assertEquals(2, serve("--port", "0"));
        String message = err.toString();
        assertTrue(message.contains("config.json: nested more than 16 levels deep"), message);
        assertFalse(message.contains("Exception"), message);
        assertTrue(message.lines().count() <= 2, message);
    }

    @Test
    void aConfigFileThatIsADirectoryExits2() throws Exception {
        Files.createDirectories(home.resolve("config.json"));
        assertEquals(2, serve("--port", "0"));
        assertTrue(err.toString().contains("is not a regular file (a directory?); remove or rename it"), err.toString());
    }
}
