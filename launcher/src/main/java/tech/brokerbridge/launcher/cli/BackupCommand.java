package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.lifecycle.JournalBackups;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.sqlite.JournalCheck;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * {@code brokerbridge backup}: an online backup of the journal now, with SQLite's backup API, while
 * the daemon runs or not. It goes to {@code backups/} (never deleted automatically) or to {@code --to}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back the journal up now (the daemon may be running) into backups/ in the data directory.",
                "Backups made this way are never deleted automatically; restore one with `brokerbridge restore FILE`."})
public final class BackupCommand extends JournalCommand {
    @Option(names = "--to", paramLabel = "FILE", description = "write the backup to this new file instead")
    Path to;

    @Override
    int run(CommandLine cl, JournalBackups backups) {
        try {
            JournalCheck check = SqliteJournalFactory.check(backups.journal());
            if (check instanceof JournalCheck.Missing) {
                return CliErrors.fail(cl, "there is no journal to back up in " + backups.journal().getParent(),
                        ExitCodes.FAILURE);
            }
            if (check instanceof JournalCheck.Damaged d) {
                return CliErrors.fail(cl, "the journal " + backups.journal() + " is damaged (" + d.detail()
                        + "), so a backup would be too; " + backups.howToRestore(), ExitCodes.JOURNAL_REFUSED);
            }
            Path target = to != null ? to.toAbsolutePath() : backups.newFile(JournalBackups.Kind.MANUAL);
            SqliteJournalFactory.backup(backups.journal(), target);
            cl.getOut().println("journal backed up to " + target + " (" + Files.size(target) + " bytes)");
            cl.getOut().flush();
            return ExitCodes.OK;
        } catch (JournalException | UncheckedIOException | IOException e) {
            return CliErrors.fail(cl, "backup failed: " + e.getMessage(), ExitCodes.FAILURE);
        }
    }
}
