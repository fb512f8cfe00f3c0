package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens made here open in Python's {@code cryptography} Fernet and the other way round. Skipped
 * where that module is missing, unless {@code BROKERBRIDGE_REQUIRE_INTEROP=1} (CI), then it fails.
 */
class FernetPythonInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void requirePython() {
        Optional<String> reason = PythonFernet.unavailableReason();
        if (reason.isPresent()) {
            if ("1".equals(System.getenv("BROKERBRIDGE_REQUIRE_INTEROP"))) {
                fail("BROKERBRIDGE_REQUIRE_INTEROP=1 but " + reason.get());
            }
            Assumptions.abort("Fernet interop with Python skipped: " + reason.get());
        }
    }

    private static String newKey() {
        byte[] key = new byte[Fernet.KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().encodeToString(key);
    }

    @Test
    void javaTokensOpenInPython() throws Exception {
        String key = newKey();
        Fernet fernet = Fernet.fromBase64Key(key, Clock.systemUTC(), RANDOM);
        byte[] message = "sk-ant-\u00e9\u00e8 interop \u2713".getBytes(StandardCharsets.UTF_8);
        String token = fernet.encrypt(message);
        String hex = PythonFernet.run(
                "import sys\nfrom cryptography.fernet import Fernet\n"
                        + "key, token = sys.stdin.read().split()\n"
                        + "print(Fernet(key.encode()).decrypt(token.encode(), ttl=3600).hex())",
                key + "\n" + token + "\n");
        assertEquals(HexFormat.of().formatHex(message), hex);
    }

    @Test
    void pythonTokensOpenHereAndTamperedOnesDoNot() throws Exception {
        String key = newKey();
        byte[] message = new byte[4096];
        RANDOM.nextBytes(message);
        String token = PythonFernet.run(
                "import sys\nfrom cryptography.fernet import Fernet\n"
                        + "key, data = sys.stdin.read().split()\n"
                        + "print(Fernet(key.encode()).encrypt(bytes.fromhex(data)).decode())",
                key + "\n" + HexFormat.of().formatHex(message) + "\n");
        Fernet fernet = Fernet.fromBase64Key(key, Clock.systemUTC(), RANDOM);
        assertArrayEquals(message, fernet.decrypt(token));
        String python = PythonFernet.run(
                "import sys\nfrom cryptography.fernet import Fernet, InvalidToken\n"
                        + "key, token = sys.stdin.read().split()\n"
                        + "try:\n    Fernet(key.encode()).decrypt(token.encode())\n    print('accepted')\n"
                        + "except InvalidToken:\n    print('rejected')",
                key + "\n" + tamper(fernet.encrypt(message)) + "\n");
        assertEquals("rejected", python, "Python rejects what this side would reject");
    }

    private static String tamper(String token) {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[40] ^= 1;
        return Base64.getUrlEncoder().encodeToString(raw);
    }
}
