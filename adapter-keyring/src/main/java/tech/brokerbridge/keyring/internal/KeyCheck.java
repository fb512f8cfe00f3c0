package tech.brokerbridge.keyring.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Whether the key derived on this machine is the vault's own. Fernet cannot tell a token made with another
 * key from a tampered one (both fail the HMAC); the key check in {@code vault.json} — a token of nothing,
 * made with the vault's key — can: when it verifies, a token that fails was damaged or tampered with here.
 */
final class KeyCheck {
    private static final Logger LOG = LoggerFactory.getLogger(KeyCheck.class);

    private KeyCheck() {
    }

    /**
     * Verifies the vault's key check. A vault made before the check gets one when this key can be trusted:
     * nothing is stored yet, or a stored token verifies. Otherwise the key stays unverified.
     *
     * @return true when this machine's key is the vault's
     */
    static boolean establish(Path dataDir, VaultMetadata metadata, Fernet fernet, TokenStorage storage) {
        Optional<String> check = metadata.keyCheck();
        if (check.isPresent()) {
            return verifies(fernet, check.get());
        }
        if (!trusted(fernet, storage)) {
            return false;
        }
        metadata.withKeyCheck(dataDir, fernet.encrypt(new byte[0]));
        LOG.debug("vault key check written");
        return true;
    }

    private static boolean trusted(Fernet fernet, TokenStorage storage) {
        try {
            boolean trusted = true;
            for (String name : storage.names()) {
                Optional<String> token = storage.read(name);
                if (token.isPresent()) {
                    trusted = verifies(fernet, token.get());
                    if (trusted) {
                        return true;
                    }
                }
            }
            return trusted;
        } catch (SecretStoreException ex) {
            return false;   // unreadable now: decide at a later open
        }
    }

    static boolean verifies(Fernet fernet, String token) {
        try {
            Arrays.fill(fernet.decrypt(token), (byte) 0);
            return true;
        } catch (InvalidTokenException ex) {
            return false;
        }
    }
}
