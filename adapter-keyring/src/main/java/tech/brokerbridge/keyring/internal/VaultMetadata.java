package tech.brokerbridge.keyring.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * {@code vault.json} in the data directory: the key-derivation parameters (the random salt and the
 * iteration count), written once when the vault is created. Nothing in it is secret; without it the
 * stored tokens cannot be opened again.
 */
public record VaultMetadata(byte[] salt, int iterations) {
    public static final String FILE = "vault.json";
    static final int SALT_BYTES = 16;
    private static final String KDF = "PBKDF2-HMAC-SHA256";

    /**
     * Loads the metadata, creating it with a fresh salt when absent.
     *
     * @param minimumIterations new vaults get this count; existing ones must not ask for fewer (a
     *     downgrade would weaken every token written afterwards)
     */
    public static VaultMetadata loadOrCreate(Path dataDir, SecureRandom random, int minimumIterations) {
        Path file = dataDir.resolve(FILE);
        return SecureFiles.withLock(dataDir.resolve(FileLocks.LOCK_FILE), () -> SecureFiles.read(file)
                .map(text -> parse(file, text, minimumIterations))
                .orElseGet(() -> {
                    byte[] salt = new byte[SALT_BYTES];
                    random.nextBytes(salt);
                    VaultMetadata created = new VaultMetadata(salt, minimumIterations);
                    SecureFiles.writeAtomically(file, created.toJson());
                    return created;
                }));
    }

    private static VaultMetadata parse(Path file, String text, int minimumIterations) {
        try {
            VaultJson.Metadata json = VaultJson.read(text, VaultJson.Metadata.class);
            Long iterations = json.iterations();
            if (!KDF.equals(json.kdf()) || iterations == null || json.salt() == null) {
                throw new IllegalArgumentException("missing kdf, iterations or salt");
            }
            byte[] saltBytes = Base64.getDecoder().decode(json.salt());
            if (saltBytes.length != SALT_BYTES || iterations > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad salt or iteration count");
            }
            if (iterations < minimumIterations) {
                throw new SecretStoreException(
                        file + " asks for " + iterations + " PBKDF2 iterations, fewer than " + minimumIterations,
                        false, false, null);
            }
            return new VaultMetadata(saltBytes, iterations.intValue());
        } catch (IllegalArgumentException ex) {
            throw new SecretStoreException(file + " is damaged (" + ex.getMessage()
                    + "); without it the stored secrets cannot be opened", false, false, ex);
        }
    }

    String toJson() {
        return VaultJson.write(new VaultJson.Metadata(1L, KDF, (long) iterations,
                Base64.getEncoder().encodeToString(salt)));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultMetadata other && iterations == other.iterations
                && java.util.Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(salt) + iterations;
    }

    @Override
    public String toString() {
        return "VaultMetadata[iterations=" + iterations + "]";
    }
}
