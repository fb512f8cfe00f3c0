package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.cli.ServeCommand;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;
import tech.brokerbridge.sqlite.JournalCheck;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;
import tech.brokerbridge.ports.tck.DiskDamage;

/**
 * The journal's backups: {@code brokerbridge backup} and {@code restore} round trip on the real
 * daemon, the daily backup with its rotation, and the backup before a migration.
 */
class BackupRestoreTest {
    private static final Duration START = Duration.ofSeconds(60);
    /** A Friday during the US session: the paper market trades and the scan is deterministic. */
    private static final List<String> FRIDAY = List.of("-D" + ServeCommand.CLOCK_START_PROPERTY + "=2026-11-27T16:00:00Z");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    @TempDir
    Path home;

    @Test
    void restoreBringsBackWhatTheBackupHeldAfterTheJournalWasDamaged() throws Exception {
        JsonNode proposals;
        try (DaemonProcess d = DaemonProcess.start(home, Map.of(), FRIDAY, "serve", "--port", "0")) {
            DaemonApi api = new DaemonApi(d.awaitPort(START));
            api.post("/api/scan", "");
            proposals = api.get("/api/proposals?limit=100");
            assertTrue(proposals.path("proposals").size() >= 3, proposals.toString());
            d.signal("TERM");
            assertEquals(0, d.finish(START), d.output());
        }
        DaemonProcess backup = DaemonProcess.run(home, Map.of(), "backup");
        assertEquals(0, backup.process.exitValue(), backup.output());
        Path file = Path.of(backup.outLines().get(0).replaceFirst("journal backed up to (\\S+) .*", "$1"));
        assertTrue(file.startsWith(home.toRealPath().resolve("backups")) && file.toString().endsWith("-manual.db"), file.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Path db = home.resolve(SqliteConfig.FILE_NAME);
        DiskDamage.overwriteMiddlePages(db);
        assertEquals(5, DaemonProcess.run(home, Map.of(), "serve", "--port", "0").process.exitValue());

        DaemonProcess restore = DaemonProcess.run(home, Map.of(), "restore", file.toString());
        assertEquals(0, restore.process.exitValue(), restore.output());
        assertTrue(restore.outLines().get(0).matches("restored the journal .* from " + file
                + "; the journal it replaced is kept as .*-replaced\\.db"), restore.output());
        Path replaced = Path.of(restore.outLines().get(0).replaceFirst(".* is kept as (\\S+)$", "$1"));
        assertTrue(SqliteJournalFactory.check(replaced) instanceof JournalCheck.Damaged, "the damaged one is kept");

        try (DaemonProcess d = DaemonProcess.start(home, Map.of(), FRIDAY, "serve", "--port", "0")) {
            DaemonApi api = new DaemonApi(d.awaitPort(START));
            assertEquals(proposals, api.get("/api/proposals?limit=100"), "the round trip lost nothing");
            d.signal("TERM");
            assertEquals(0, d.finish(START), d.output());
        }
    }

    @Test
    void theRunningDeskBacksUpDailyAndKeepsTheNewestSeven() throws Exception {
        Path db = JournalIntegrityTest.journalWithProposals(home, 5);
        Path dir = Files.createDirectories(home.resolve("backups"));
        Instant now = Instant.now();
        for (int day = 2; day <= 9; day++) { // eight daily backups, the newest two days old
            SqliteJournalFactory.backup(db, dir.resolve("brokerbridge-" + STAMP.format(now.minus(day, ChronoUnit.DAYS))
                    + "-daily.db"));
        }
        Path mine = dir.resolve("brokerbridge-20200101T000000Z-manual.db");
        SqliteJournalFactory.backup(db, mine);

        List<String> before = names(dir);
        DeskRuntime runtime = DeskRuntime.create(ConfigLoader.load(env(), home, Optional.empty(), Map.of()),
                Clock.systemUTC());
        try {
            runtime.start();
            Path today = awaitNewDailyBackup(dir, before, Duration.ofSeconds(60));
            assertCurrent(SqliteJournalFactory.check(today));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(today)));
        } finally {
            assertTrue(runtime.stop());
        }
        List<String> left = names(dir);
        assertEquals(8, left.size(), left.toString());
        assertTrue(left.contains(mine.getFileName().toString()), "a backup made by hand is never deleted: " + left);
        assertEquals(7, left.stream().filter(n -> n.endsWith("-daily.db")).count(), left.toString());
        assertTrue(left.stream().noneMatch(n -> n.contains(STAMP.format(now.minus(9, ChronoUnit.DAYS)))),
                "the oldest went: " + left);
    }

    @Test
    void aJournalIsBackedUpBeforeItsSchemaIsMigrated() throws Exception {
        Path db = home.resolve(SqliteConfig.FILE_NAME);
        // a journal from before schema version 1: a schema_version table without a row, and a record
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            s.execute("CREATE TABLE legacy_notes (note TEXT)");
            s.execute("INSERT INTO legacy_notes VALUES ('kept by the backup')");
        }
        DeskRuntime runtime = DeskRuntime.create(ConfigLoader.load(env(), home, Optional.empty(), Map.of()),
                Clock.systemUTC());
        runtime.stop();
        List<String> backups = names(home.resolve("backups"));
        assertEquals(1, backups.size(), backups.toString());
        assertTrue(backups.get(0).endsWith("-pre-migration.db"), backups.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("backups").resolve(backups.get(0)));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT (SELECT note FROM legacy_notes), (SELECT COUNT(*) FROM schema_version)")) {
            assertTrue(rs.next());
            assertEquals("kept by the backup", rs.getString(1));
            assertEquals(0, rs.getInt(2), "the backup is the journal as it was before the migration");
        }
        assertCurrent(SqliteJournalFactory.check(db));
    }

    /**
     * A desk created and stopped without a start (as the migration test above does) still had its vault
     * deriving the key on its own thread, which then wrote in a home already released (seen as a temp
     * directory that could not be deleted under load): the stop waits for it now. The second desk's vault
     * says 9,000,000 iterations (allowed), so its key takes long enough to outlive a stop that did not wait.
     */
    @Test
    void aDeskStoppedBeforeItStartedLeavesNoVaultThreadWritingInItsHome() throws Exception {
        DeskRuntime.create(ConfigLoader.load(env(), home, Optional.empty(), Map.of()), Clock.systemUTC()).stop();
        assertNoVaultThread();
        Path vault = home.resolve("vault.json");
        Files.writeString(vault, Files.readString(vault).replaceAll("\"iterations\"\\s*:\\s*\\d+",
                "\"iterations\": 9000000"));
        DeskRuntime.create(ConfigLoader.load(env(), home, Optional.empty(), Map.of()), Clock.systemUTC()).stop();
        assertNoVaultThread();
    }

    private static void assertNoVaultThread() {
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("brokerbridge-vault-open") && t.isAlive()),
                "the vault's opening thread outlived the stop");
    }

    private Map<String, String> env() {
        return new HashMap<>(Map.of("BROKERBRIDGE_HOME", home.toString(), "BROKERBRIDGE_PORT", "0",
                "BROKERBRIDGE_SECRETS_BACKEND", "file", "BROKERBRIDGE_MACHINE_ID", JournalIntegrityTest.MACHINE));
    }

    private static Path awaitNewDailyBackup(Path dir, List<String> before, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = names(dir).stream().filter(n -> !before.contains(n) && n.endsWith("-daily.db"))
                    .findFirst();
            if (found.isPresent()) {
                return dir.resolve(found.get());
            }
            Thread.sleep(50); // polling a directory for a file another thread writes, within the deadline
        }
        throw new AssertionError("no new daily backup in " + names(dir));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A sound journal at this build's schema version. */
    private static void assertCurrent(JournalCheck check) {
        assertTrue(check instanceof JournalCheck.Sound s && s.schemaVersion() == s.latestVersion(), check.toString());
    }
}
