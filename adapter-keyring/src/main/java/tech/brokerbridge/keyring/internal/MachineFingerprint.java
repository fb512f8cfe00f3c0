package tech.brokerbridge.keyring.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * The machine fingerprint: a machine identifier combined with the OS user name. It is the password
 * of the vault key, so it is never stored, logged or sent; only a one-way hash of it leaves this
 * class, as the installation id. {@link #toString()} is masked.
 *
 * <p>The machine identifier is, in order: the override ({@code BROKERBRIDGE_MACHINE_ID}, passed in
 * by the launcher); on macOS {@code IOPlatformUUID} from {@code ioreg}; on Windows {@code MachineGuid}
 * from the registry; elsewhere {@code /etc/machine-id}, then {@code /var/lib/dbus/machine-id}.
 */
public final class MachineFingerprint {
    static final List<Path> MACHINE_ID_FILES = List.of(Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id"));
    private static final Pattern IOREG_UUID = Pattern.compile("\"IOPlatformUUID\"\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern REG_GUID = Pattern.compile("MachineGuid\\s+REG_SZ\\s+(\\S+)");
    private static final String INSTALLATION_ID_DOMAIN = "brokerbridge/installation-id/v1\0";

    private final byte[] material;

    private MachineFingerprint(byte[] material) {
        this.material = material;
    }

    /**
     * Reads the fingerprint.
     *
     * @throws SecretStoreException (not retryable) when no machine identifier can be found
     */
    public static MachineFingerprint detect(Optional<String> override, SystemProbe probe) {
        Objects.requireNonNull(override, "override");
        String machineId = override.map(String::strip)
                .filter(s -> !s.isEmpty())
                .or(() -> detectMachineId(probe))
                .orElseThrow(() -> new SecretStoreException(
                        "no machine identifier found (" + sourcesFor(probe.osName())
                                + "); set BROKERBRIDGE_MACHINE_ID to a stable value unique to this machine",
                        false, false, null));
        String combined = machineId + "\0" + probe.userName();
        return new MachineFingerprint(combined.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> detectMachineId(SystemProbe probe) {
        String os = probe.osName().toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return probe.run(List.of("ioreg", "-rd1", "-c", "IOPlatformExpertDevice"))
                    .flatMap(out -> firstGroup(IOREG_UUID.matcher(out)));
        }
        if (os.contains("windows")) {
            return probe.run(List.of("reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid"))
                    .flatMap(out -> firstGroup(REG_GUID.matcher(out)));
        }
        for (Path file : MACHINE_ID_FILES) {
            Optional<String> id = probe.readFile(file)
                    .map(String::strip)
                    // systemd writes "uninitialized" until the first boot completes
                    .filter(s -> !s.isEmpty() && !s.equals("uninitialized"));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstGroup(Matcher matcher) {
        return matcher.find() ? Optional.of(matcher.group(1).strip()).filter(s -> !s.isEmpty()) : Optional.empty();
    }

    private static String sourcesFor(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return "ioreg IOPlatformUUID";
        }
        if (os.contains("windows")) {
            return "registry MachineGuid";
        }
        return "/etc/machine-id, /var/lib/dbus/machine-id";
    }

    /** A copy of the key-derivation password; the caller wipes it. */
    public byte[] material() {
        return material.clone();
    }

    /** One-way: the first 32 hex characters of SHA-256 over a fixed domain prefix and the fingerprint. */
    public String installationId() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(INSTALLATION_ID_DOMAIN.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(material)).substring(0, 32);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 unavailable in this JVM", ex);
        }
    }

    /** Overwrites the held bytes. */
    public void wipe() {
        Arrays.fill(material, (byte) 0);
    }

    @Override
    public String toString() {
        return "MachineFingerprint[hidden]";
    }
}
