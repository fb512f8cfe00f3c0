package tech.brokerbridge.launcher.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tech.brokerbridge.launcher.wiring.VersionInfo;
import tech.brokerbridge.launcher.lifecycle.HomeLock;
import tech.brokerbridge.launcher.lifecycle.JournalBackups;
import tech.brokerbridge.launcher.lifecycle.PrivateFiles;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * {@code brokerbridge restore FILE}: replaces the journal by a backup. Refused while a daemon runs on
 * the data directory (it holds the directory's lock, which the restore takes for itself meanwhile).
 * The backup is checked first; the journal it replaces is kept in {@code backups/}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the journal by a backup (stop the daemon first).",
                "The backup is checked first; the journal it replaces is kept in backups/ as"
                        + " brokerbridge-<time>-replaced.db."})
public final class RestoreCommand extends JournalCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "the backup, e.g. a file in backups/")
    Path file;

    @Override
    int run(CommandLine cl, JournalBackups backups) {
        Path dir = backups.journal().getParent();
        HomeLock.Attempt attempt;
        try {
            PrivateFiles.createDirectory(dir);
            attempt = HomeLock.acquire(dir, "restore", VersionInfo.version(), Instant.now());
        } catch (UncheckedIOException e) {
            return CliErrors.fail(cl, e.getMessage(), ExitCodes.FAILURE);
        }
        if (attempt instanceof HomeLock.Attempt.Held held) {
            return CliErrors.fail(cl, "a BrokerBridge daemon is running on " + dir
                    + held.holder().map(r -> " (" + r.describe() + ")").orElse("")
                    + ": stop it first with `brokerbridge stop`, then restore", ExitCodes.ALREADY_RUNNING);
        }
        try (HomeLock lock = ((HomeLock.Attempt.Taken) attempt).lock()) {
            Optional<Path> previous = SqliteJournalFactory.restore(SqliteConfig.defaults(dir), file.toAbsolutePath(),
                    backups.newFile(JournalBackups.Kind.REPLACED));
            cl.getOut().println("restored the journal " + backups.journal() + " from " + file.toAbsolutePath()
                    + previous.map(p -> "; the journal it replaced is kept as " + p).orElse(""));
            cl.getOut().flush();
            return ExitCodes.OK;
        } catch (JournalException | UncheckedIOException e) {
            return CliErrors.fail(cl, e.getMessage(), ExitCodes.FAILURE);
        }
    }
}
