package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.config.ConfigException;
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
public final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Option(names = "--to", paramLabel = "FILE", description = "write the backup to this new file instead")
    Path to;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        JournalBackups backups;
        try {
            backups = CliSupport.backups(home, System.getenv());
        } catch (ConfigException e) {
            return CliSupport.fail(cl, e.getMessage(), ExitCodes.INVALID_CONFIG);
        }
        try {
            JournalCheck check = SqliteJournalFactory.check(backups.journal());
            if (check instanceof JournalCheck.Missing) {
                return CliSupport.fail(cl, "there is no journal to back up in " + backups.journal().getParent(),
                        ExitCodes.FAILURE);
            }
            if (check instanceof JournalCheck.Damaged d) {
                return CliSupport.fail(cl, "the journal " + backups.journal() + " is damaged (" + d.detail()
                        + "), so a backup would be too; " + backups.howToRestore(), ExitCodes.JOURNAL_REFUSED);
            }
            Path target = to != null ? to.toAbsolutePath() : backups.newFile(JournalBackups.Kind.MANUAL);
            SqliteJournalFactory.backup(backups.journal(), target);
            cl.getOut().println("journal backed up to " + target + " (" + Files.size(target) + " bytes)");
            cl.getOut().flush();
            return ExitCodes.OK;
        } catch (JournalException | UncheckedIOException | IOException e) {
            return CliSupport.fail(cl, "backup failed: " + e.getMessage(), ExitCodes.FAILURE);
        }
    }
}
