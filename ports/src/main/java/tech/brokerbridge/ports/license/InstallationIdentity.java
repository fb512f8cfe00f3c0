package tech.brokerbridge.ports.license;

/**
 * This installation's id: a one-way hash of the machine fingerprint, never the fingerprint itself.
 * Stable across restarts on the same machine and user; different on another machine.
 */
@FunctionalInterface
public interface InstallationIdentity {
    String installationId();
}
