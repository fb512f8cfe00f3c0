package tech.brokerbridge.sqlite;

import tech.brokerbridge.ports.journal.Journal;

/**
 * A {@link Journal} that holds an open database and must be closed when the desk stops.
 *
 * <p>Closing is idempotent and waits for a call in progress to finish; afterwards every call
 * throws a non-retryable {@link tech.brokerbridge.ports.journal.JournalException}.
 */
public interface ClosableJournal extends Journal, AutoCloseable {
    /** Closes the database. Never throws: a failure to close is logged. */
    @Override
    void close();
}
