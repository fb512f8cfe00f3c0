package tech.brokerbridge.ports.tck;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The life cycle the journal roles' contracts share: a fresh, empty role per test (closed after it
 * when it is {@link AutoCloseable}) and, when its storage outlives the object, a way to close and
 * reopen it.
 *
 * @param <R> the role under test, e.g. {@link tech.brokerbridge.ports.journal.OrderLog}
 */
public abstract class JournalRoleContract<R> {
    /** The role under test: new and empty at the start of each test. */
    protected R journal;

    /** A new, empty implementation of the role. */
    protected abstract R newJournal();

    /**
     * Closes {@code current} and opens the same storage again. Empty (the default) when the journal
     * keeps nothing beyond its own lifetime; the durability tests then read back from {@code current}.
     */
    protected Optional<R> reopen(R current) {
        return Optional.empty();
    }

    @BeforeEach
    void openJournal() {
        journal = newJournal();
    }

    @AfterEach
    void closeJournal() throws Exception {
        if (journal instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Reopens the journal when its storage outlives it; otherwise keeps the same object. */
    protected void reopenIfDurable() {
        reopen(journal).ifPresent(reopened -> journal = reopened);
    }
}
