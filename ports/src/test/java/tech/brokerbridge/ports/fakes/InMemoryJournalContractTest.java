package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.tck.JournalContract;

class InMemoryJournalContractTest extends JournalContract {
    @Override
    protected Journal newJournal() {
        return new InMemoryJournal();
    }
}
