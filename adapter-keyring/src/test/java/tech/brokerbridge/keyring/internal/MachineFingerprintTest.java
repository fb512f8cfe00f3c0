package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.secrets.SecretStoreException;

class MachineFingerprintTest {

    /** A scripted OS: files and command outputs by path and command line. */
    record FakeOs(String osName, String userName, Map<Path, String> files, Map<List<String>, String> commands,
            List<String> asked) implements SystemProbe {
        FakeOs(String osName, String userName, Map<Path, String> files, Map<List<String>, String> commands) {
            this(osName, userName, files, commands, new ArrayList<>());
        }

        @Override
        public Optional<String> readFile(Path path) {
            asked.add(path.toString());
            return Optional.ofNullable(files.get(path));
        }

        @Override
        public Optional<String> run(List<String> command) {
            asked.add(String.join(" ", command));
            return Optional.ofNullable(commands.get(command));
        }
    }

    private static String material(MachineFingerprint fp) {
        return new String(fp.material(), StandardCharsets.UTF_8);
    }

    @Test
    void linuxReadsEtcMachineIdThenDbusCombinedWithTheUser() {
        FakeOs both = new FakeOs("Linux", "alice", Map.of(Path.of("/etc/machine-id"), "abc123\n",
                Path.of("/var/lib/dbus/machine-id"), "dbus456\n"), Map.of());
        assertEquals("abc123\0alice", material(MachineFingerprint.detect(Optional.empty(), both)));

        FakeOs dbusOnly = new FakeOs("Linux", "alice", Map.of(Path.of("/etc/machine-id"), "uninitialized\n",
                Path.of("/var/lib/dbus/machine-id"), "dbus456\n"), Map.of());
        assertEquals("dbus456\0alice", material(MachineFingerprint.detect(Optional.empty(), dbusOnly)));
    }

    @Test
    void macOsAsksIoregForThePlatformUuid() {
        String ioreg = "+-o J314sAP  <class IOPlatformExpertDevice, id 0x100000219>\n"
                + "    {\n      \"IOPlatformSerialNumber\" = \"C02XXXX\"\n"
                + "      \"IOPlatformUUID\" = \"8F0A1B2C-3D4E-5F60-7182-93A4B5C6D7E8\"\n    }\n";
        FakeOs mac = new FakeOs("Mac OS X", "bob", Map.of(),
                Map.of(List.of("ioreg", "-rd1", "-c", "IOPlatformExpertDevice"), ioreg));
        assertEquals("8F0A1B2C-3D4E-5F60-7182-93A4B5C6D7E8\0bob", material(MachineFingerprint.detect(Optional.empty(), mac)));
    }

    @Test
    void windowsQueriesTheRegistryMachineGuid() {
        String reg = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n"
                + "    MachineGuid    REG_SZ    4c4c4544-0042-3510-8052-b4c04f4e4b32\r\n\r\n";
        FakeOs windows = new FakeOs("Windows 11", "carol", Map.of(), Map.of(
                List.of("reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid"), reg));
        assertEquals("4c4c4544-0042-3510-8052-b4c04f4e4b32\0carol",
                material(MachineFingerprint.detect(Optional.empty(), windows)));
    }

    @Test
    void theOverrideWinsAndTheOsIsNotAsked() {
        FakeOs linux = new FakeOs("Linux", "alice", Map.of(Path.of("/etc/machine-id"), "abc123"), Map.of());
        assertEquals("container-7\0alice", material(MachineFingerprint.detect(Optional.of(" container-7 "), linux)));
        assertEquals(List.of(), linux.asked());
        assertEquals("abc123\0alice", material(MachineFingerprint.detect(Optional.of("  "), linux)), "blank = unset");
    }

    @Test
    void noIdentifierFailsClearlyAndPointsAtTheOverride() {
        FakeOs bare = new FakeOs("Linux", "alice", Map.of(), Map.of());
        SecretStoreException ex = assertThrows(SecretStoreException.class,
                () -> MachineFingerprint.detect(Optional.empty(), bare));
        assertTrue(ex.getMessage().contains("BROKERBRIDGE_MACHINE_ID"), ex.getMessage());
        assertTrue(ex.getMessage().contains("/etc/machine-id"), ex.getMessage());
        assertFalse(ex.retryable());
        FakeOs silentMac = new FakeOs("Mac OS X", "bob", Map.of(), Map.of());
        assertThrows(SecretStoreException.class, () -> MachineFingerprint.detect(Optional.empty(), silentMac));
    }

    @Test
    void theInstallationIdIsAStableOneWayHash() {
        FakeOs os = new FakeOs("Linux", "alice", Map.of(Path.of("/etc/machine-id"), "abc123"), Map.of());
        MachineFingerprint fp = MachineFingerprint.detect(Optional.empty(), os);
        String id = fp.installationId();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals(id, MachineFingerprint.detect(Optional.empty(), os).installationId());
        assertFalse(id.contains("abc123"));
        assertNotEquals(id, MachineFingerprint.detect(Optional.of("other"), os).installationId());
        FakeOs otherUser = new FakeOs("Linux", "bob", Map.of(Path.of("/etc/machine-id"), "abc123"), Map.of());
        assertNotEquals(id, MachineFingerprint.detect(Optional.empty(), otherUser).installationId());
        // domain-separated: not the plain SHA-256 of the material
        assertFalse(java.util.HexFormat.of().formatHex(sha256(fp.material())).startsWith(id));
    }

    @Test
    void isMaskedAndWipeable() {
        FakeOs os = new FakeOs("Linux", "alice", Map.of(Path.of("/etc/machine-id"), "abc123"), Map.of());
        MachineFingerprint fp = MachineFingerprint.detect(Optional.empty(), os);
        assertFalse(fp.toString().contains("abc123"));
        byte[] copy = fp.material();
        copy[0] = 0;
        assertEquals("abc123\0alice", material(fp), "material() hands out a copy");
        fp.wipe();
        assertArrayEquals(new byte[copy.length], fp.material());
    }

    @Test
    void theRealProbeReadsThisMachine() {
        // on this Linux build machine /etc/machine-id exists; elsewhere the OS branch is exercised
        SystemProbe real = SystemProbe.real();
        assertFalse(real.osName().isEmpty());
        assertTrue(real.run(List.of("definitely-not-a-command-" + System.nanoTime())).isEmpty());
        assertTrue(MachineFingerprint.detect(Optional.empty(), real).installationId().matches("[0-9a-f]{32}"));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new AssertionError(ex);
        }
    }
}
