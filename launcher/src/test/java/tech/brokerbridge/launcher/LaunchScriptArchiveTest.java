package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch script maps the AppCDS archive only at the jar path it was made for (brokerbridge.jsa.jar):
 * Java 17 maps a static archive only at that class path, and on a mismatch it maps none, not even the
 * JDK's own. A stand-in java ($JAVA_HOME/bin/java) prints the options the script passes.
 */
class LaunchScriptArchiveTest {
    private static final Path SCRIPT = Path.of("src/main/scripts/brokerbridge");

    @TempDir
    Path dir;

    private String launch() throws IOException, InterruptedException {
        Path javaHome = dir.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", dir.resolve("app/brokerbridge").toString(), "status");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("BROKERBRIDGE_JAVA_OPTS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** app/ with the script, a jar and an archive newer than it; returns the jar's path. */
    private Path app() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.copy(SCRIPT, app.resolve("brokerbridge"), StandardCopyOption.REPLACE_EXISTING);
        Path jar = Files.writeString(app.resolve("brokerbridge.jar"), "jar");
        Path jsa = Files.writeString(app.resolve("brokerbridge.jsa"), "archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(jsa, FileTime.from(Instant.now()));
        return app.toRealPath().resolve("brokerbridge.jar");
    }

    @Test
    void mapsTheArchiveMadeForThisJarPath() throws Exception {
        Path jar = app();
        Files.writeString(dir.resolve("app/brokerbridge.jsa.jar"), jar + "\n");
        String out = launch();
        assertTrue(out.contains("-XX:SharedArchiveFile=" + jar.getParent().resolve("brokerbridge.jsa")), out);
        assertTrue(out.contains("-jar\n" + jar + "\nstatus"), out);
    }

    @Test
    void leavesOutAnArchiveMadeForAnotherPath() throws Exception {
        app();
        Files.writeString(dir.resolve("app/brokerbridge.jsa.jar"), "/somewhere/else/brokerbridge.jar\n");
        assertFalse(launch().contains("SharedArchiveFile"));
    }

    @Test
    void leavesOutAnArchiveThatDoesNotSayWhichPath() throws Exception {
        app();
        assertFalse(launch().contains("SharedArchiveFile"));
    }
}
