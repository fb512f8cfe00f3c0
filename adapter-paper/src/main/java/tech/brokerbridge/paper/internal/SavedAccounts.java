package tech.brokerbridge.paper.internal;

import java.nio.file.Path;
import java.util.Optional;
import tech.brokerbridge.paper.SavedPaperAccount;

/** Reads a saved account's counts for {@link tech.brokerbridge.paper.PaperFactory#saved(Path)}. */
public final class SavedAccounts {
    private SavedAccounts() {
    }

    public static Optional<SavedPaperAccount> summary(Path stateDirectory) {
        return AccountFile.peek(stateDirectory).map(s -> new SavedPaperAccount(s.brackets().size(),
                (int) s.ledger().holdings().stream().filter(h -> h.quantity() != 0).count()));
    }
}
