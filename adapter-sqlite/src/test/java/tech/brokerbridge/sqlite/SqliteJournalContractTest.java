package tech.brokerbridge.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.tck.JournalContract;

/** The SQLite journal passes every journal role's contract, reopening the file for the durability tests. */
class SqliteJournalContractTest extends JournalContract<ClosableJournal> {
    @TempDir
    Path dir;

    @Override
    protected ClosableJournal open() {
        return SqliteJournalFactory.open(SqliteConfig.defaults(dir));
    }

    @Override
    protected ClosableJournal reopen(ClosableJournal current) {
        current.close();
        return open();
    }
}
