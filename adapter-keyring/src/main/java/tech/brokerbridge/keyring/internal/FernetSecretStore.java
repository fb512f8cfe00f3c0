package tech.brokerbridge.keyring.internal;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.StoreInfo;

/**
 * The vault: every value Fernet-encrypted under the machine-bound key before it reaches a
 * {@link TokenStorage}. A token that fails verification is refused by {@link #get} and replaced by
 * {@link #put}; it is listed as {@link SecretState#DAMAGED} when this machine's key is known to be the
 * vault's (its key check verifies) or the token is malformed, else as {@link SecretState#UNDECRYPTABLE}
 * (encrypted on another machine).
 *
 * <p>Thread-safe: calls are serialized. Logs names only.
 */
public final class FernetSecretStore implements SecretStore, InstallationIdentity, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FernetSecretStore.class);

    private final Fernet fernet;
    private final TokenStorage storage;
    private final String installationId;
    private final Optional<String> warning;
    private final boolean keyVerified;
    private boolean closed;

    public FernetSecretStore(Fernet fernet, TokenStorage storage, String installationId, Optional<String> warning) {
        this(fernet, storage, installationId, warning, false);
    }

    /** @param keyVerified this machine's key is known to be the vault's (see {@link KeyCheck}) */
    public FernetSecretStore(Fernet fernet, TokenStorage storage, String installationId, Optional<String> warning,
            boolean keyVerified) {
        this.fernet = Objects.requireNonNull(fernet, "fernet");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.installationId = Objects.requireNonNull(installationId, "installationId");
        this.warning = Objects.requireNonNull(warning, "warning");
        this.keyVerified = keyVerified;
    }

    @Override
    public synchronized void put(String name, Secret value) {
        ensureOpen();
        SecretNames.requireValid(name);
        Objects.requireNonNull(value, "value");
        byte[] plain = utf8(value);
        try {
            String token = fernet.encrypt(plain);
            translated(() -> {
                storage.write(name, token);
                return null;
            });
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        LOG.debug("stored secret '{}' ({})", name, storage.kind());
    }

    @Override
    public synchronized Optional<Secret> get(String name) {
        ensureOpen();
        SecretNames.requireValid(name);
        Optional<String> token = translated(() -> storage.read(name));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            plain = fernet.decrypt(token.get());
        } catch (InvalidTokenException ex) {
            if (damaged(ex.reason())) {
                LOG.warn("secret '{}' is damaged or tampered with ({})", name, ex.reason());
                throw SecretStoreException.damaged(name);
            }
            LOG.warn("secret '{}' cannot be decrypted with this machine's key ({})", name, ex.reason());
            throw SecretStoreException.undecryptable(name);
        }
        try {
            return Optional.of(secretOf(plain, name));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public synchronized boolean delete(String name) {
        ensureOpen();
        SecretNames.requireValid(name);
        boolean removed = translated(() -> storage.remove(name));
        if (removed) {
            LOG.debug("deleted secret '{}' ({})", name, storage.kind());
        }
        return removed;
    }

    @Override
    public synchronized List<SecretEntry> list() {
        ensureOpen();
        List<SecretEntry> entries = new ArrayList<>();
        for (String name : translated(storage::names)) {
            Optional<String> token = translated(() -> storage.read(name));
            token.ifPresent(t -> entries.add(new SecretEntry(name, state(t))));
        }
        return List.copyOf(entries);
    }

    private SecretState state(String token) {
        try {
            Arrays.fill(fernet.decrypt(token), (byte) 0);
            return SecretState.SAVED;
        } catch (InvalidTokenException ex) {
            return damaged(ex.reason()) ? SecretState.DAMAGED : SecretState.UNDECRYPTABLE;
        }
    }

    /** A malformed token is damaged whatever the key; a failing one is when this key is the vault's. */
    private boolean damaged(InvalidTokenException.Reason reason) {
        return keyVerified || reason == InvalidTokenException.Reason.MALFORMED;
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo(storage.kind(), storage.available(), warning);
    }

    @Override
    public String installationId() {
        return installationId;
    }

    /** Releases the storage and wipes the key from memory; later calls fail. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            storage.close();
        } finally {
            fernet.close();
        }
    }

    private static byte[] utf8(Secret value) {
        char[] chars = value.reveal().toCharArray();
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(chars));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            Arrays.fill(encoded.array(), (byte) 0);
            return bytes;
        } catch (CharacterCodingException ex) {
            throw new IllegalStateException("UTF-8 encoding failed", ex);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static Secret secretOf(byte[] plain, String name) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            try {
                return Secret.of(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        } catch (CharacterCodingException ex) {
            // authentic but not text: written by another program holding this key
            throw new SecretStoreException("secret '" + name + "' is not UTF-8 text", false, false, null);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SecretStoreException("the vault is closed", false, false, null);
        }
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException ex) {
            throw new SecretStoreException(ex.getMessage() + ": " + ex.getCause().getMessage(), true, false, ex);
        }
    }

    @Override
    public String toString() {
        return "FernetSecretStore[" + storage.kind() + "]";
    }
}
