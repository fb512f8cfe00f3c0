package tech.brokerbridge.launcher.lifecycle;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.config.SettingsView;
import tech.brokerbridge.sqlite.JournalCheck;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * The journal is checked before the desk opens it: a damaged file ({@code PRAGMA quick_check}) is
 * refused, a missing or empty one is refused while the paper account or the vault shows that the desk
 * has run here (unless {@link StartOptions#acceptEmptyJournal()}), and a file about to be migrated is
 * backed up first. A refusal changes nothing on disk and says how to restore.
 */
public final class JournalGuard {
    private static final Logger LOG = LoggerFactory.getLogger(JournalGuard.class);

    private JournalGuard() {
    }

    /**
     * Checks the journal and, when it is about to be migrated, backs it up.
     *
     * @return why the desk must not start, in one line that says how to restore; empty when it may
     * @throws tech.brokerbridge.ports.journal.JournalException when the journal cannot be read or backed up
     * @throws java.io.UncheckedIOException when the backup directory cannot be used
     */
    public static Optional<String> check(SettingsView settings, StartOptions options, JournalBackups backups) {
        JournalCheck check = SqliteJournalFactory.check(backups.journal());
        if (check instanceof JournalCheck.Damaged d) {
            return Optional.of("the journal " + backups.journal() + " is damaged (" + d.detail() + "); nothing"
                    + " was changed. Make sure no other program writes it, then " + backups.howToRestore()
                    + (backups.newest().isPresent() ? "" : "; to start over, move the file aside and start with"
                            + " --accept-empty-journal"));
        }
        if (check instanceof JournalCheck.Missing || check instanceof JournalCheck.Empty) {
            String state = check instanceof JournalCheck.Empty e ? "empty (" + e.why() + ")" : "missing";
            List<String> evidence = HistoryEvidence.find(backups.journal().getParent(), settings);
            if (evidence.isEmpty()) {
                return Optional.empty();
            }
            String why = String.join(" and ", evidence);
            if (options.acceptEmptyJournal()) {
                LOG.warn("starting with a new, empty journal although {} (--accept-empty-journal)", why);
                return Optional.empty();
            }
            return Optional.of("the journal " + backups.journal() + " is " + state + ", but " + why
                    + ": the desk's history is not there. " + backups.newest().map(b -> "Restore the newest backup with"
                            + " `brokerbridge restore " + b.file() + "`, or").orElse("There is no backup in "
                            + backups.directory() + " to restore; to go on without the history,")
                    + " start with a new, empty journal: brokerbridge serve --accept-empty-journal");
        }
        if (check instanceof JournalCheck.Sound s && s.needsMigration()) {
            LOG.info("the journal's schema goes from version {} to {}: backing it up first", s.schemaVersion(),
                    s.latestVersion());
            backups.make(JournalBackups.Kind.PRE_MIGRATION);
        }
        return Optional.empty();
    }
}
