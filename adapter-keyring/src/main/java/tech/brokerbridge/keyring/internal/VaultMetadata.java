package tech.brokerbridge.keyring.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.VaultDamagedException;

/**
 * {@code vault.json} in the data directory: the key-derivation parameters (the random salt and the
 * iteration count), written once when the vault is created, and a key check (a Fernet token of nothing
 * under the vault's key) that tells a value damaged here from one encrypted on another machine. Nothing
 * in it is secret; without it the stored tokens cannot be opened again.
 */
public record VaultMetadata(byte[] salt, int iterations, Optional<String> keyCheck) {
    public static final String FILE = "vault.json";
    static final int SALT_BYTES = 16;
    /** More would make every open hang for minutes to hours: a damaged or hostile file. */
    static final long MAX_ITERATIONS = 10_000_000;
    private static final String KDF = "PBKDF2-HMAC-SHA256";

    /**
     * Loads the metadata, creating it with a fresh salt when absent.
     *
     * @param minimumIterations new vaults get this count; existing ones must not ask for fewer (a
     *     downgrade would weaken every token written afterwards)
     * @param secretsExist whether stored secrets were found: then a missing file is refused, since a new
     *     salt would make every one of them undecryptable
     */
    public static VaultMetadata loadOrCreate(Path dataDir, SecureRandom random, int minimumIterations,
            boolean secretsExist) {
        Path file = dataDir.resolve(FILE);
        return SecureFiles.withLock(dataDir.resolve(FileLocks.LOCK_FILE), () -> SecureFiles.read(file)
                .map(text -> parse(file, text, minimumIterations))
                .orElseGet(() -> {
                    if (secretsExist) {
                        throw new VaultDamagedException(file + " is missing but stored secrets exist: without its "
                                + "salt they cannot be decrypted, and a new one would lose them. Restore " + FILE
                                + " from a backup, or run 'brokerbridge credentials reset' to delete the stored "
                                + "secrets and start an empty vault");
                    }
                    byte[] salt = new byte[SALT_BYTES];
                    random.nextBytes(salt);
                    VaultMetadata created = new VaultMetadata(salt, minimumIterations, Optional.empty());
                    SecureFiles.writeAtomically(file, created.toJson());
                    return created;
                }));
    }

    /** Writes this metadata with {@code check} as its key check (same salt and iterations). */
    VaultMetadata withKeyCheck(Path dataDir, String check) {
        VaultMetadata updated = new VaultMetadata(salt, iterations, Optional.of(check));
        SecureFiles.withLock(dataDir.resolve(FileLocks.LOCK_FILE), () -> {
            SecureFiles.writeAtomically(dataDir.resolve(FILE), updated.toJson());
            return null;
        });
        return updated;
    }

    private static VaultMetadata parse(Path file, String text, int minimumIterations) {
        try {
            VaultJson.Metadata json = VaultJson.read(text, VaultJson.Metadata.class);
            Long iterations = json.iterations();
            if (!KDF.equals(json.kdf()) || iterations == null || json.salt() == null) {
                throw new IllegalArgumentException("missing kdf, iterations or salt");
            }
            byte[] saltBytes = Base64.getDecoder().decode(json.salt());
            if (saltBytes.length != SALT_BYTES) {
                throw new IllegalArgumentException("bad salt");
            }
            if (iterations > MAX_ITERATIONS) {
                throw new VaultDamagedException(file + " asks for " + iterations + " PBKDF2 iterations; at most "
                        + MAX_ITERATIONS + " are accepted (a vault is made with " + minimumIterations
                        + "): the file is damaged. Restore it from a backup, or run 'brokerbridge credentials "
                        + "reset' to start an empty vault");
            }
            if (iterations < minimumIterations) {
                throw new SecretStoreException(
                        file + " asks for " + iterations + " PBKDF2 iterations, fewer than " + minimumIterations,
                        false, false, null);
            }
            return new VaultMetadata(saltBytes, iterations.intValue(), Optional.ofNullable(json.keyCheck()));
        } catch (SecretStoreException ex) {
            throw ex;
        } catch (RuntimeException ex) { // any parse failure of the file is damage
            throw new VaultDamagedException(file + " is damaged (" + ex.getMessage()
                    + "); without it the stored secrets cannot be opened: restore it from a backup, or run "
                    + "'brokerbridge credentials reset' to start an empty vault");
        }
    }

    String toJson() {
        return VaultJson.write(new VaultJson.Metadata(1L, KDF, (long) iterations,
                Base64.getEncoder().encodeToString(salt), keyCheck.orElse(null)));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultMetadata other && iterations == other.iterations
                && java.util.Arrays.equals(salt, other.salt) && keyCheck.equals(other.keyCheck);
    }

    @Override
    public int hashCode() {
        return (31 * java.util.Arrays.hashCode(salt) + iterations) * 31 + keyCheck.hashCode();
    }

    @Override
    public String toString() {
        return "VaultMetadata[iterations=" + iterations + "]";
    }
}
