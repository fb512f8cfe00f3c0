package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a real OS keyring (on Linux: a Secret Service such as gnome-keyring in a D-Bus session)
 * answers here. Tests that need one are skipped where none does, except when
 * {@code BROKERBRIDGE_REQUIRE_KEYRING=1} (CI), where they fail.
 */
final class SecretService {
    private static Optional<String> unavailable;

    private SecretService() {}

    static synchronized Optional<String> unavailableReason() {
        if (unavailable == null) {
            try {
                KeyringAccess.connect(JavaKeyringClient::create, TestVaults.TIMEOUT, "brokerbridge-test",
                        VaultOpener.PROBE_ACCOUNT, "gAAAAA-probe").close();
                unavailable = Optional.empty();
            } catch (KeyringClient.KeyringFailure ex) {
                unavailable = Optional.of(ex.getMessage());
            }
        }
        return unavailable;
    }

    static boolean required() {
        return "1".equals(System.getenv("BROKERBRIDGE_REQUIRE_KEYRING"));
    }

    /** Skips (or, when required, fails) the calling test unless a keyring answers. */
    static void require() {
        unavailableReason().ifPresent(reason -> {
            String message = "no Secret Service / OS keyring answered (" + reason + "); run the tests inside "
                    + "adapter-keyring/src/test/scripts/with-secret-service.sh to include them";
            if (required()) {
                fail("BROKERBRIDGE_REQUIRE_KEYRING=1 but " + message);
            }
            Assumptions.abort("keyring tests skipped: " + message);
        });
    }

    /** Also needs {@code secret-tool} (libsecret-tools) to read raw items. */
    static Path requireSecretTool() {
        require();
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path tool = Path.of(dir, "secret-tool");
            if (Files.isExecutable(tool)) {
                return tool;
            }
        }
        String message = "secret-tool is not installed (apt-get install -y libsecret-tools)";
        if (required()) {
            fail("BROKERBRIDGE_REQUIRE_KEYRING=1 but " + message);
        }
        Assumptions.abort("raw keyring tests skipped: " + message);
        return Path.of("secret-tool");
    }
}
