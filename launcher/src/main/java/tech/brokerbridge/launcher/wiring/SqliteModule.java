package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/** adapter-sqlite: the journal, {@code brokerbridge.db} in the data directory. */
final class SqliteModule extends AbstractModule {
    @Provides
    @Singleton
    ClosableJournal closableJournal(Config config) {
        return SqliteJournalFactory.open(SqliteConfig.defaults(config.home()));
    }

    @Provides
    @Singleton
    Journal journal(ClosableJournal journal) {
        return journal;
    }
}
