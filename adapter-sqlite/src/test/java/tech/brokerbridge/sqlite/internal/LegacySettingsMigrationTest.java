package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tech.brokerbridge.sqlite.internal.SqlRows.column;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.KillSwitchState.EngagedBy;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.journal.PriceBasis;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/** An existing data directory keeps its state across the move from the key-value settings to typed tables. */
class LegacySettingsMigrationTest {
    private static final Instant T0 = Instant.parse("2026-01-05T15:00:00.123456789Z");

    @TempDir
    Path dir;

    @Test
    void aJournalWrittenByTheVersion1BuildKeepsItsKillSwitchLicenseAndProposals() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("v1-brokerbridge.db")) {
            Files.copy(in, dir.resolve("brokerbridge.db"));
        }
        try (Connection c = raw()) {
            assertEquals(List.of("1"), column(c, "SELECT version FROM schema_version"), "the fixture is version 1");
        }
        try (SqliteJournal journal = open()) {
            assertEquals(Optional.of(new KillSwitchState.Engaged(T0.plusSeconds(7200), EngagedBy.DAILY_LOSS_LIMIT,
                    "daily loss limit reached: today's P&L -2.5% is at or below -2%")), journal.killSwitch());
            LicenseRecord.Found answer = new LicenseRecord.Found(T0, "active", Optional.of("inst-v1 ;=&"),
                    Optional.of(Instant.parse("2026-02-05T15:00:00Z")));
            LicenseRecord.Outage outage = new LicenseRecord.Outage(T0.plusSeconds(3600), T0.plusSeconds(5400),
                    "the network is down (fake)");
            assertEquals(Optional.of(new LicenseRecord(T0, Optional.of(answer), Optional.of(outage))),
                    journal.license());
            // written before the price basis was kept: it reads back as 'unknown'
            Proposal p = JournalSamples.proposal(1, T0, ProposalStatus.PENDING);
            assertEquals(Optional.of(new Proposal(p.proposalId(), p.symbol(), p.direction(), p.setupType(),
                    p.conviction(), p.compositeScore(), p.entryPrice(), p.stopPrice(), p.targetPrice(), p.quantity(),
                    p.thesisSummary(), p.gates(), p.createdAt(), p.expiresAt(), p.status(), p.history(),
                    PriceBasis.UNKNOWN)), journal.findProposal(JournalSamples.id(1)));
        }
        try (Connection c = raw()) {
            assertEquals(List.of("1", "2", "3", "4", "5"), column(c, "SELECT version FROM schema_version ORDER BY version"));
            assertEquals(List.of(), column(c, "SELECT name FROM sqlite_master WHERE name = 'settings'"),
                    "no key-value store is left");
        }
    }

    @Test
    void aSwitchTheUserEngagedStaysTheUsersAndAReleasedOneNeedsNoRow() throws SQLException {
        version1(Map.of("kill_switch.engaged", "true", "kill_switch.reason", "earnings week",
                "kill_switch.since", T0.toString()));
        try (SqliteJournal journal = open()) {
            assertEquals(Optional.of(new KillSwitchState.Engaged(T0, EngagedBy.USER, "earnings week")),
                    journal.killSwitch());
            assertEquals(Optional.empty(), journal.license(), "no license setting: the first start is still to come");
        }
    }

    @Test
    void aReleasedSwitchReadsAsReleased() throws SQLException {
        version1(Map.of("kill_switch.engaged", "false", "kill_switch.reason", "", "kill_switch.since", T0.toString()));
        try (SqliteJournal journal = open()) {
            assertEquals(Optional.empty(), journal.killSwitch());
        }
    }

    @Test
    void damagedRecordsAreReadAsVersion1ReadThem() throws SQLException {
        for (String damaged : List.of("garbage", "at=yesterday;kind=found;status=active", "at=" + T0 + ";kind=alien",
                "at=" + T0 + ";kind=found", "=x")) {
            Path home = dir.resolve(Integer.toString(damaged.hashCode()));
            version1(home, Map.of("license.first_start", damaged, "license.answer", damaged,
                    "license.outage", damaged, "kill_switch.engaged", "true", "kill_switch.since", damaged,
                    "some.unknown_key", "x"));
            try (SqliteJournal journal = open(home)) {
                assertEquals(Optional.of(LicenseRecord.firstStartedAt(Instant.EPOCH)), journal.license(),
                        "a damaged first start must not restart the evaluation; damaged records are dropped: "
                                + damaged);
                KillSwitchState ks = journal.killSwitch().orElseThrow();
                assertEquals(new KillSwitchState.Engaged(Instant.EPOCH, EngagedBy.USER,
                        "engaged (no reason was recorded)"), ks, "an engaged switch stays engaged");
            }
        }
    }

    @Test
    void emptyRecordsMeanAbsentOnes() throws SQLException {
        version1(Map.of("license.first_start", T0.toString(), "license.answer", "", "license.outage", " "));
        try (SqliteJournal journal = open()) {
            assertEquals(Optional.of(LicenseRecord.firstStartedAt(T0)), journal.license());
        }
    }

    @Test
    void everyAnswerKindIsConverted() throws SQLException {
        Map<String, Optional<LicenseRecord.Answer>> written = Map.of(
                "at=2026-01-05T15%3A00%3A00Z;kind=not_found",
                Optional.of(new LicenseRecord.NotFound(Instant.parse("2026-01-05T15:00:00Z"))),
                "at=2026-01-05T15%3A00%3A00Z;kind=key_refused",
                Optional.of(new LicenseRecord.KeyRefused(Instant.parse("2026-01-05T15:00:00Z"))),
                "at=2026-01-05T15%3A00%3A00Z;kind=found;status=past_due",
                Optional.of(new LicenseRecord.Found(Instant.parse("2026-01-05T15:00:00Z"), "past_due",
                        Optional.empty(), Optional.empty())));
        for (Map.Entry<String, Optional<LicenseRecord.Answer>> e : written.entrySet()) {
            Path home = dir.resolve(Integer.toString(e.getKey().hashCode()));
            version1(home, Map.of("license.first_start", T0.toString(), "license.answer", e.getKey()));
            try (SqliteJournal journal = open(home)) {
                assertEquals(e.getValue(), journal.license().orElseThrow().answer(), e.getKey());
            }
        }
    }

    /** A version-1 journal in {@link #dir} with these settings rows. */
    private void version1(Map<String, String> settings) throws SQLException {
        version1(dir, settings);
    }

    private static void version1(Path home, Map<String, String> settings) throws SQLException {
        try {
            Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("brokerbridge.db"))) {
            new Migrator(Migration.all().subList(0, 1)).migrate(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : settings.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.executeUpdate();
                }
            }
        }
    }

    private SqliteJournal open() {
        return open(dir);
    }

    private static SqliteJournal open(Path home) {
        return (SqliteJournal) SqliteJournalFactory.open(SqliteConfig.defaults(home));
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("brokerbridge.db"));
    }
}
