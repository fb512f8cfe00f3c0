package tech.brokerbridge.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;
import tech.brokerbridge.ports.tck.DiskDamage;

/** The whole-file operations on real SQLite files: integrity check, online backup, restore. */
class JournalFilesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    @TempDir
    Path dir;

    private Path journalWith(Path home, int proposals) {
        try (ClosableJournal j = SqliteJournalFactory.open(SqliteConfig.defaults(home))) {
            for (int i = 1; i <= proposals; i++) {
                j.saveProposal(JournalSamples.proposal(i, T0.plusSeconds(i), ProposalStatus.PENDING));
            }
        }
        return home.resolve(SqliteConfig.FILE_NAME);
    }

    private static int count(Path home) {
        try (ClosableJournal j = SqliteJournalFactory.open(SqliteConfig.defaults(home))) {
            return j.proposalsWithStatus(java.util.List.of(ProposalStatus.PENDING)).size();
        }
    }

    @Test
    void checkTellsMissingEmptyDamagedAndSound() throws IOException {
        Path db = dir.resolve(SqliteConfig.FILE_NAME);
        assertInstanceOf(JournalCheck.Missing.class, SqliteJournalFactory.check(db));
        assertFalse(Files.exists(db), "a check creates nothing");

        Files.createFile(db);
        assertEquals(new JournalCheck.Empty("the file is empty (0 bytes)"), SqliteJournalFactory.check(db));
        Files.delete(db);

        SqliteJournalFactory.open(SqliteConfig.defaults(dir)).close();
        assertEquals(new JournalCheck.Empty("it holds no records"), SqliteJournalFactory.check(db));

        journalWith(dir, 300);
        assertCurrent(SqliteJournalFactory.check(db));

        DiskDamage.overwriteMiddlePages(db);
        JournalCheck damaged = SqliteJournalFactory.check(db);
        assertInstanceOf(JournalCheck.Damaged.class, damaged);
        assertTrue(((JournalCheck.Damaged) damaged).detail().startsWith("quick_check: "), damaged.toString());
        assertFalse(((JournalCheck.Damaged) damaged).detail().contains("\n"), "one line: " + damaged);

        Path text = dir.resolve("text.db");
        Files.writeString(text, "this is not SQLite, just some text ".repeat(200));
        assertEquals(new JournalCheck.Damaged("the file is not a SQLite database"), SqliteJournalFactory.check(text));
    }

    @Test
    void aJournalIsCreatedPrivate() throws IOException {
        SqliteJournalFactory.open(SqliteConfig.defaults(dir)).close();
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(SqliteConfig.FILE_NAME))));
    }

    @Test
    void anOnlineBackupIsAConsistentPrivateCopyWhileTheJournalWrites() throws Exception {
        Path home = dir.resolve("home");
        Path db = journalWith(home, 50);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (ClosableJournal j = SqliteJournalFactory.open(SqliteConfig.defaults(home))) {
            Future<Integer> writes = writer.submit(() -> {
                int n = 1000;
                while (!stop.get()) {
                    j.saveProposal(JournalSamples.proposal(++n, T0.plusSeconds(n), ProposalStatus.PENDING));
                }
                return n - 1000;
            });
            Path backup = dir.resolve("backups/b1.db");
            SqliteJournalFactory.backup(db, backup);
            stop.set(true);
            assertTrue(writes.get(60, TimeUnit.SECONDS) >= 0);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            assertCurrent(SqliteJournalFactory.check(backup));
            assertFalse(Files.exists(dir.resolve("backups/b1.db-wal")), "a standalone file");
            Path copy = dir.resolve("copy");
            Files.createDirectories(copy);
            Files.copy(backup, copy.resolve(SqliteConfig.FILE_NAME));
            assertTrue(count(copy) >= 50, "the copy holds at least what was there before it began");
            JournalException exists = assertThrows(JournalException.class, () -> SqliteJournalFactory.backup(db, backup));
            assertTrue(exists.getMessage().contains("exists already"), exists.getMessage());
        } finally {
            stop.set(true);
            writer.shutdownNow();
        }
    }

    @Test
    void restoreBringsTheBackupBackAndKeepsThePreviousJournal() throws IOException {
        Path home = dir.resolve("home");
        Path db = journalWith(home, 20);
        Path backup = backupOf(db, "b.db");
        try (ClosableJournal j = SqliteJournalFactory.open(SqliteConfig.defaults(home))) {
            j.saveProposal(JournalSamples.proposal(21, T0.plusSeconds(21), ProposalStatus.PENDING));
        }
        Path previous = dir.resolve("previous/brokerbridge-replaced.db");
        Optional<Path> moved = SqliteJournalFactory.restore(SqliteConfig.defaults(home), backup, previous);

        assertEquals(Optional.of(previous), moved);
        assertEquals(20, count(home), "the journal is the backup again");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        Path previousHome = dir.resolve("previous-home");
        Files.createDirectories(previousHome);
        Files.copy(previous, previousHome.resolve(SqliteConfig.FILE_NAME));
        assertEquals(21, count(previousHome), "nothing the replaced journal held is lost");
    }

    @Test
    void restoreRefusesABadBackupAndLeavesTheJournalAlone() throws IOException {
        Path home = dir.resolve("home");
        Path db = journalWith(home, 20);
        Path damaged = backupOf(db, "damaged.db");
        DiskDamage.overwriteMiddlePages(damaged);
        Path empty = Files.createFile(dir.resolve("empty.db"));
        for (Path bad : new Path[] {damaged, empty, dir.resolve("nothing.db"), db}) {
            JournalException e = assertThrows(JournalException.class,
                    () -> SqliteJournalFactory.restore(SqliteConfig.defaults(home), bad, dir.resolve("prev.db")));
            assertTrue(e.getMessage().startsWith("cannot restore " + bad + ": "), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("prev.db")));
        assertEquals(20, count(home));
    }

    @Test
    void aBackupOfADamagedJournalIsRefusedAndRemoved() throws IOException {
        Path db = journalWith(dir.resolve("home"), 300);
        DiskDamage.overwriteMiddlePages(db);
        Path target = dir.resolve("b.db");
        JournalException e = assertThrows(JournalException.class, () -> SqliteJournalFactory.backup(db, target));
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("corrupt"), e.getMessage());
        assertFalse(Files.exists(target));
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(java.util.List.of("home"), left.map(p -> p.getFileName().toString()).toList(),
                    "no partial copy is left behind");
        }
    }

    /** A sound journal at this build's schema version. */
    private static void assertCurrent(JournalCheck check) {
        assertTrue(check instanceof JournalCheck.Sound s && s.schemaVersion() == s.latestVersion(), check.toString());
    }

    /** A backup of {@code db} written to {@code name} in the test directory. */
    private Path backupOf(Path db, String name) {
        Path backup = dir.resolve(name);
        SqliteJournalFactory.backup(db, backup);
        return backup;
    }
}
