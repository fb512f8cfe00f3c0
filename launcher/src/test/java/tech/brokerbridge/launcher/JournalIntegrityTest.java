package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;
import tech.brokerbridge.launcher.wiring.StartupException;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.tck.JournalSamples;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;
import tech.brokerbridge.ports.tck.DiskDamage;

/**
 * Journal loss does not go unnoticed: a damaged journal, or an empty or missing one while the desk's
 * other records show history, stops the start with exit code 5 and the way to restore.
 */
class JournalIntegrityTest {
    static final String MACHINE = "test-machine-id-0001"; // DaemonProcess's
    private static final Duration START = Duration.ofSeconds(60);
    @TempDir
    Path home;

    /** A journal with 300 proposals (enough pages to damage some in the middle). */
    static Path journalWithProposals(Path home, int n) {
        try (ClosableJournal j = SqliteJournalFactory.open(SqliteConfig.defaults(home))) {
            for (int i = 1; i <= n; i++) {
                j.saveProposal(JournalSamples.proposal(i, Instant.parse("2026-03-02T14:30:00Z").plusSeconds(i),
                        ProposalStatus.PENDING));
            }
        }
        return home.resolve(SqliteConfig.FILE_NAME);
    }

    private Config config() {
        Map<String, String> env = new HashMap<>(Map.of("BROKERBRIDGE_HOME", home.toString(), "BROKERBRIDGE_PORT", "0",
                "BROKERBRIDGE_SECRETS_BACKEND", "file", "BROKERBRIDGE_MACHINE_ID", MACHINE));
        return ConfigLoader.load(env, home, Optional.empty(), Map.of());
    }

    @Test
    void aJournalDamagedInTheMiddleIsRefusedWithTheWayToRestoreAndLeftAsItWas() throws Exception {
        Path db = journalWithProposals(home, 300);
        Path backup = home.resolve("backups/brokerbridge-20260301T000000Z-daily.db");
        Files.createDirectories(backup.getParent());
        SqliteJournalFactory.backup(db, backup);
        DiskDamage.overwriteMiddlePages(db);
        byte[] before = Files.readAllBytes(db);

        try (DaemonProcess d = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            assertEquals(5, d.finish(START), d.output());
            List<String> err = d.errLines().stream().filter(l -> l.startsWith("brokerbridge:")).toList();
            assertEquals(1, err.size(), d.output());
            assertTrue(err.get(0).startsWith("brokerbridge: the journal " + db.toRealPath() + " is damaged (quick_check: "),
                    err.get(0));
            assertTrue(err.get(0).endsWith("restore the newest backup with `brokerbridge restore " + backup.toRealPath()
                    + "`"), err.get(0));
        }
        assertArrayEquals(before, Files.readAllBytes(db), "nothing was changed");
    }

    @Test
    void anEmptyJournalWhileThePaperAccountHasTradedIsRefusedUnlessAccepted() throws Exception {
        try (PaperMarket m = PaperFactory.create(PaperConfig.persistentIn(home), Clock.systemUTC())) {
            assertInstanceOf(SubmitResult.Accepted.class, m.broker().submitBracket(
                    new BracketOrder("prp-000000000001", "AAPL", Direction.LONG, 10, 50, 40, 200)));
        }
        Files.createFile(home.resolve(SqliteConfig.FILE_NAME)); // 0 bytes, as in the attack

        DaemonProcess refused = DaemonProcess.run(home, Map.of(), "serve", "--port", "0");
        assertEquals(5, refused.process.exitValue(), refused.output());
        String line = refused.errLines().stream().filter(l -> l.startsWith("brokerbridge:")).findFirst().orElseThrow();
        assertTrue(line.contains("is empty (the file is empty (0 bytes)), but the paper account holds 1 bracket order"),
                line);
        assertTrue(line.endsWith("start with a new, empty journal: brokerbridge serve --accept-empty-journal"), line);
        assertEquals(0, Files.size(home.resolve(SqliteConfig.FILE_NAME)), "nothing was changed");

        try (DaemonProcess accepted = DaemonProcess.start(home, Map.of(), "serve", "--port", "0",
                "--accept-empty-journal")) {
            accepted.awaitPort(START);
            accepted.signal("TERM");
            assertEquals(0, accepted.finish(START), accepted.output());
            assertTrue(accepted.output().contains("starting with a new, empty journal although the paper account holds"),
                    accepted.output());
        }
        try (DaemonProcess next = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            next.awaitPort(START); // the new journal has records now: no flag needed
            next.signal("TERM");
            assertEquals(0, next.finish(START), next.output());
        }
    }

    @Test
    void aMissingJournalWhileTheVaultHoldsTheActivatedLicenseIsRefused() {
        try (Vault v = VaultFactory.open(new VaultConfig(home, "file", Optional.of(MACHINE)))) {
            v.put("stripe.license_key", Secret.of("sub_1PlantedLicenseKey"));
        }
        StartupException e = assertThrows(StartupException.class, () -> DeskRuntime.create(config(), Clock.systemUTC()));
        assertEquals(StartupException.Reason.JOURNAL_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("is missing, but the vault holds the license key activated here"),
                e.getMessage());
        assertTrue(e.getMessage().contains("There is no backup in " + home.resolve("backups")), e.getMessage());
        assertTrue(Files.notExists(home.resolve(SqliteConfig.FILE_NAME)), "no journal was created");
    }

    @Test
    void credentialsSavedBeforeTheFirstStartAreNoHistory() {
        try (Vault v = VaultFactory.open(new VaultConfig(home, "file", Optional.of(MACHINE)))) {
            v.put("claude.api_key", Secret.of("sk-planted-before-first-start"));
        }
        DeskRuntime runtime = DeskRuntime.create(config(), Clock.systemUTC());
        runtime.start();
        assertTrue(runtime.stop());
        assertTrue(Files.isRegularFile(home.resolve(SqliteConfig.FILE_NAME)));
    }
}
