package tech.brokerbridge.launcher.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.SavedPaperAccount;
import tech.brokerbridge.ports.config.SettingsView;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * What, outside the journal, shows that the desk has worked in this data directory: a paper account
 * that has taken orders, and a license activated here (its key is kept in the vault). Credentials
 * alone are no evidence: {@code brokerbridge credentials set} may save them before the first start.
 * The evaluation's start and Stripe's last answer live in the journal itself, so they go with it.
 */
final class HistoryEvidence {
    static final String LICENSE_KEY = "stripe.license_key";
    private static final Logger LOG = LoggerFactory.getLogger(HistoryEvidence.class);

    private HistoryEvidence() {
    }

    /** Each piece of evidence in words; empty when there is none. */
    static List<String> find(Path home, SettingsView settings) {
        List<String> found = new ArrayList<>();
        paper(home).ifPresent(found::add);
        vault(home, settings).ifPresent(found::add);
        return found;
    }

    private static Optional<String> paper(Path home) {
        try {
            return PaperFactory.saved(home).filter(SavedPaperAccount::hasHistory)
                    .map(a -> "the paper account holds " + a.brackets() + " bracket order" + (a.brackets() == 1 ? "" : "s")
                            + " and " + a.openPositions() + " open position" + (a.openPositions() == 1 ? "" : "s"));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // the paper broker refuses a damaged account file itself, with its own message, a moment later
            LOG.debug("the paper account could not be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> vault(Path home, SettingsView settings) {
        if (!Files.exists(home.resolve("vault.json"))) {
            return Optional.empty();
        }
        try (Vault vault = VaultFactory.open(VaultConfig.from(home, settings))) {
            return vault.list().stream().anyMatch(e -> e.name().equals(LICENSE_KEY))
                    ? Optional.of("the vault holds the license key activated here") : Optional.empty();
        } catch (SecretStoreException | java.io.UncheckedIOException e) {
            // the desk's own start reports an unusable vault; here it only means no evidence
            LOG.debug("the vault could not be asked for a license key: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
