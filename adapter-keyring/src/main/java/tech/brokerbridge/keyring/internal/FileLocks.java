package tech.brokerbridge.keyring.internal;

/** The one lock file of a data directory, guarding every read-modify-write of the vault's files. */
final class FileLocks {
    static final String LOCK_FILE = ".vault.lock";

    private FileLocks() {}
}
