package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * The data directory is the user's alone: 0700 on it and 0600 on every file the desk writes, whatever
 * existed before (a directory left 0755 with a journal and config.json left 0644), logged once.
 */
class DataDirectoryPermissionsTest {
    private static final Duration START = Duration.ofSeconds(60);
    @TempDir
    Path parent;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void everythingIsTightenedAtStartAndEveryFileWrittenLaterIsPrivate() throws Exception {
        Path home = Files.createDirectory(parent.resolve("home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        JournalIntegrityTest.journalWithProposals(home, 3);
        PaperFactory.create(PaperConfig.persistentIn(home), Clock.systemUTC()).close();
        try (Vault v = VaultFactory.open(new VaultConfig(home, "file", Optional.of(JournalIntegrityTest.MACHINE)))) {
            v.put("claude.api_key", Secret.of("sk-permissions-test"));
        }
        Files.writeString(home.resolve("config.json"), "{\"scan_interval_minutes\": 5}\n");
        Path old = Files.createDirectories(home.resolve("backups"));
        SqliteJournalFactory.backup(home.resolve(SqliteConfig.FILE_NAME), old.resolve("brokerbridge-20200101T000000Z-manual.db"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        try (DaemonProcess d = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            DaemonApi api = new DaemonApi(d.awaitPort(START));
            List<String> tightened = d.errLines().stream().filter(l -> l.contains("tightened permissions")).toList();
            assertEquals(1, tightened.size(), "logged once: " + d.output());
            assertTrue(tightened.get(0).contains("the directory 0755 → 0700") && tightened.get(0).contains(
                    "config.json 0644 → 0600") && tightened.get(0).contains("brokerbridge.db 0644 → 0600"), tightened.get(0));

            api.post("/api/setup/config", "{\"scan_interval_minutes\": 7}"); // config.json is written anew
            assertTrue(Files.readString(home.resolve("config.json")).contains("7"));
            DaemonProcess backup = DaemonProcess.run(home, Map.of(), "backup");
            assertEquals(0, backup.process.exitValue(), backup.output());

            assertEquals("rwx------", mode(home));
            assertEquals("rwx------", mode(home.resolve("backups")));
            try (Stream<Path> all = Files.walk(home)) {
                List<Path> files = all.filter(Files::isRegularFile).toList();
                for (String name : List.of("brokerbridge.db", "brokerbridge.db-wal", "brokerbridge.db-shm", "config.json",
                        "paper-account.json", "vault.json", "secrets.json", "daemon.lock", "daemon.json")) {
                    assertTrue(files.contains(home.resolve(name)), name + " in " + files);
                }
                assertTrue(files.stream().filter(f -> f.getParent().endsWith("backups")).count() >= 3,
                        "the old one, today's daily and the one just made: " + files);
                for (Path f : files) {
                    assertEquals("rw-------", mode(f), f.toString());
                }
            }
            d.signal("TERM");
            assertEquals(0, d.finish(START), d.output());
        }
        try (DaemonProcess again = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            again.awaitPort(START);
            assertTrue(again.errLines().stream().noneMatch(l -> l.contains("tightened permissions")),
                    "nothing left to tighten: " + again.output());
            again.signal("TERM");
            assertEquals(0, again.finish(START), again.output());
        }
    }
}
