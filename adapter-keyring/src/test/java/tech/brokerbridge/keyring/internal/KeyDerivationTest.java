package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyDerivationTest {

    private static String pbkdf2(String password, String salt, int iterations, int length) {
        return HexFormat.of().formatHex(KeyDerivation.pbkdf2HmacSha256(
                password.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8), iterations, length));
    }

    @Test
    void matchesRfc7914Section11Vectors() {
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
                pbkdf2("passwd", "salt", 1, 64));
        assertEquals("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d",
                pbkdf2("Password", "NaCl", 80_000, 64));
    }

    @Test
    void matchesOpenSslAtTheVaultWorkFactor() {
        // openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:password
        //   -kdfopt salt:saltsaltsaltsalt -kdfopt iter:480000 PBKDF2
        assertEquals("9bf054df2da34bfe01c11f242234ede8f1fd04872338e4942f29595272c94ac0",
                pbkdf2("password", "saltsaltsaltsalt", KeyDerivation.ITERATIONS, 32));
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThrows(IllegalArgumentException.class, () -> KeyDerivation.pbkdf2HmacSha256(new byte[1], new byte[1], 0, 32));
        assertThrows(IllegalArgumentException.class, () -> KeyDerivation.pbkdf2HmacSha256(new byte[1], new byte[1], 1, 0));
    }

    @Test
    void aWarmUpNobodyInterruptsMakesAllItsCallsAndEnds() {
        KeyDerivation.WarmUp warmUp = KeyDerivation.warmUp(0); // no call counts as compiled
        warmUp.run();
        assertEquals(KeyDerivation.WARM_UP_CALLS, warmUp.calls());
    }

    @Test
    void aWarmUpEndsAfterItsCallsRanAtCompiledSpeedForAWhile() {
        KeyDerivation.WarmUp warmUp = KeyDerivation.warmUp(Long.MAX_VALUE); // every call counts as compiled
        warmUp.run();
        assertEquals(KeyDerivation.FAST_CALLS, warmUp.calls());
    }

    @Test
    void aWarmUpMakesNoCallOnceADerivationHasBegun() {
        KeyDerivation.WarmUp warmUp = KeyDerivation.warmUp();
        pbkdf2("passwd", "salt", 1, 32);
        warmUp.run();
        assertEquals(0, warmUp.calls());
    }

    @Test
    void aDerivationDuringAWarmUpGivesTheSpecifiedKey() throws InterruptedException {
        KeyDerivation.WarmUp warmUp = KeyDerivation.warmUp();
        Thread t = new Thread(warmUp, "kdf-warm-up-test");
        t.setDaemon(true);
        t.start();
        assertEquals("9bf054df2da34bfe01c11f242234ede8f1fd04872338e4942f29595272c94ac0",
                pbkdf2("password", "saltsaltsaltsalt", KeyDerivation.ITERATIONS, 32));
        t.join(60_000);
        assertFalse(t.isAlive(), "the warm-up still runs a minute after a derivation began");
    }
}
