package tech.brokerbridge.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.Main;

/**
 * {@code brokerbridge service install|status|uninstall} in a child JVM, as the installed launcher
 * ({@code jpackage.app-path}), against a temporary {@code XDG_CONFIG_HOME} and a recording stand-in for
 * {@code systemctl} on the PATH (no user systemd instance runs here). The unit it writes goes through
 * the real {@code systemd-analyze --user verify}.
 */
class ServiceCommandTest {
    static final String TOKEN = "admin-token-PLANTED-in-the-shell-42";
    @TempDir
    Path tmp;
    Path config;
    Path data;
    Path app;
    Path calls;

    record Run(int code, String output) {
    }

    @BeforeEach
    void fakeSystemAndInstalledApp() throws IOException {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "systemd is Linux's");
        config = tmp.resolve("config");
        data = tmp.resolve("data");
        app = tmp.resolve("opt/brokerbridge/bin/brokerbridge");
        calls = tmp.resolve("systemctl.calls");
        Files.createDirectories(app.getParent());
        Files.writeString(app, "#!/bin/sh\nexit 0\n");
        app.toFile().setExecutable(true);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\necho \"$@\" >> '" + calls + "'\necho \"fake: $*\"\nexit 0\n");
        bin.resolve("systemctl").toFile().setExecutable(true);
    }

    @Test
    void installWritesAValidUnitNamingTheInstalledCommandEnablesItAndKeepsSecretsOut() throws Exception {
        Run install = brokerbridge("service", "install");
        assertEquals(0, install.code(), install.output());
        Path unit = config.resolve("systemd/user/brokerbridge.service");
        assertTrue(Files.isRegularFile(unit), install.output());
        String text = Files.readString(unit);
        assertTrue(text.contains("ExecStart=\"" + app + "\" \"serve\""), text);
        assertTrue(text.contains("ReadWritePaths=\"" + data + "\""), text);
        assertTrue(text.contains("TimeoutStopSec=40"), "shutdown_grace_seconds 10 + 30:\n" + text);
        assertFalse(text.contains(TOKEN) || text.contains("PLANTED"), "the admin token stays out of the unit");
        assertTrue(install.output().contains("BROKERBRIDGE_ADMIN_TOKEN is set here but is not copied"), install.output());
        Path envFile = data.resolve("service.env");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile)));
        assertFalse(Files.readString(envFile).contains(TOKEN));
        assertEquals(List.of("--user daemon-reload", "--user enable --now brokerbridge.service"),
                Files.readAllLines(calls));

        Run status = brokerbridge("service", "status");
        assertEquals(0, status.code(), status.output());
        assertTrue(status.output().contains("installed: " + unit) && status.output().contains("running"),
                status.output());

        Run uninstall = brokerbridge("service", "uninstall");
        assertEquals(0, uninstall.code(), uninstall.output());
        assertFalse(Files.exists(unit));
        assertTrue(Files.isRegularFile(envFile), "the data directory is left alone");
        assertTrue(uninstall.output().contains("Your data in " + data + " (journal, credentials, logs, service.env) "
                + "is left untouched."), uninstall.output());
        assertTrue(Files.readAllLines(calls).containsAll(List.of("--user disable --now brokerbridge.service")));

        Run after = brokerbridge("service", "status");
        assertEquals(1, after.code(), after.output());
        assertTrue(after.output().contains("not installed"), after.output());
    }

    @Test
    void noStartOnlyEnablesAndAFailingServiceManagerIsReported() throws Exception {
        Run install = brokerbridge("service", "install", "--no-start");
        assertEquals(0, install.code(), install.output());
        assertEquals(List.of("--user daemon-reload", "--user enable brokerbridge.service"), Files.readAllLines(calls));

        Files.writeString(tmp.resolve("bin/systemctl"), "#!/bin/sh\necho 'Failed to connect to bus' >&2\nexit 1\n");
        Run again = brokerbridge("service", "install");
        assertEquals(1, again.code(), again.output());
        assertTrue(again.output().contains("Failed to connect to bus")
                && again.output().contains("the service is written but could not be enabled"), again.output());
    }

    @Test
    void anInvalidConfigurationInstallsNothing() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("config.json"), "{\"port\": 99999}");
        Run install = brokerbridge("service", "install");
        assertEquals(2, install.code(), install.output());
        assertTrue(install.output().contains("port (config.json)"), install.output());
        assertFalse(Files.exists(config.resolve("systemd/user/brokerbridge.service")));
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerify() throws Exception {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        boolean required = "1".equals(System.getenv("BROKERBRIDGE_REQUIRE_SYSTEMD_ANALYZE"));
        assertTrue(Files.isExecutable(tool) || !required, "systemd-analyze is required here but not installed");
        Assumptions.assumeTrue(Files.isExecutable(tool),
                "systemd-analyze is not installed (Debian package systemd): the unit cannot be verified here");
        Run install = brokerbridge("service", "install");
        assertEquals(0, install.code(), install.output());
        Path unit = config.resolve("systemd/user/brokerbridge.service");
        Path runtime = Files.createDirectories(tmp.resolve("run"));
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "--user", "verify", unit.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("verify.out").toFile());
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString()); // --user needs one; no user manager runs
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not finish");
        String out = Files.readString(tmp.resolve("verify.out"));
        assertEquals(0, p.exitValue(), out);
        // it exits 0 on settings it ignores, but names each one: nothing may be said
        assertEquals("", out.strip(), "systemd-analyze complains about the unit");
    }

    private Run brokerbridge(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Duser.home=" + tmp.resolve("home"), "-Djpackage.app-path=" + app,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path output = Files.createTempFile(tmp, "cli", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BROKERBRIDGE_") || k.startsWith("XDG_"));
        pb.environment().putAll(Map.of("BROKERBRIDGE_HOME", data.toString(), "XDG_CONFIG_HOME", config.toString(),
                "BROKERBRIDGE_ADMIN_TOKEN", TOKEN,
                "PATH", tmp.resolve("bin") + File.pathSeparator + System.getenv("PATH")));
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "brokerbridge " + String.join(" ", args) + " did not finish");
        return new Run(p.exitValue(), Files.readString(output));
    }
}
