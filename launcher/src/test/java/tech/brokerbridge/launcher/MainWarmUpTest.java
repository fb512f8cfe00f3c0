package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which commands start the key derivation's warm-up at the very beginning of {@link Main#main}. */
class MainWarmUpTest {
    @Test
    void theCommandsThatOpenTheVaultWarmItsKeyDerivationUp() {
        assertTrue(Main.opensVault("serve"));
        assertTrue(Main.opensVault("serve", "--port", "0"));
        assertTrue(Main.opensVault("--verbose", "credentials", "list"));
        assertTrue(Main.opensVault("credentials", "set", "claude"));
        assertTrue(Main.opensVault("credentials", "delete", "openai"));
    }

    @Test
    void theOthersDoNot() {
        assertFalse(Main.opensVault());
        assertFalse(Main.opensVault("--version"));
        assertFalse(Main.opensVault("status"));
        assertFalse(Main.opensVault("credentials"));
        assertFalse(Main.opensVault("credentials", "reset"));
        assertFalse(Main.opensVault("credentials", "list", "--help"));
        assertFalse(Main.opensVault("serve", "-h"));
        assertFalse(Main.opensVault("backup"));
    }
}
