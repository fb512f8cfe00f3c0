package tech.brokerbridge.sqlite;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.tck.JournalContract;

class SqliteJournalContractTest extends JournalContract {
    @TempDir
    Path dir;

    @Override
    protected Journal newJournal() {
        return SqliteJournalFactory.open(SqliteConfig.defaults(dir));
    }

    @Override
    protected Optional<Journal> reopen(Journal current) {
        ((ClosableJournal) current).close();
        return Optional.of(newJournal());
    }
}
