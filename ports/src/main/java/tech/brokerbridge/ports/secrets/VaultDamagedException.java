package tech.brokerbridge.ports.secrets;

/**
 * The vault's own files are damaged or missing in a way a retry cannot fix (a truncated or garbled
 * {@code secrets.json}, a {@code vault.json} that is missing while secrets exist or asks for an absurd
 * work factor). The message names the file and the way out, and never contains a secret.
 */
public final class VaultDamagedException extends SecretStoreException {
    private static final long serialVersionUID = 1L;

    public VaultDamagedException(String message) {
        super(message, false, false, null);
    }
}
