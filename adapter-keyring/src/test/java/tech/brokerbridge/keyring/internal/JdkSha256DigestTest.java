package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;
import org.junit.jupiter.api.Test;

class JdkSha256DigestTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] digest(Digest d, byte[] input) {
        d.update(input, 0, input.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    @Test
    void hashesAsFips180Says() {
        JdkSha256Digest d = new JdkSha256Digest();
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HEX.formatHex(digest(d, "abc".getBytes(StandardCharsets.US_ASCII))));
        // doFinal resets: the same digest hashes the next message from scratch
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(digest(d, new byte[0])));
        assertEquals(32, d.getDigestSize());
        assertEquals(64, d.getByteLength());
        assertEquals("SHA-256", d.getAlgorithmName());
    }

    @Test
    void aCopyKeepsTheStateAndResetRestoresIt() {
        JdkSha256Digest d = new JdkSha256Digest();
        byte[] prefix = new byte[100];
        new Random(1).nextBytes(prefix);
        d.update(prefix, 0, prefix.length);
        Memoable saved = d.copy();
        d.update((byte) 7);
        byte[] withSeven = new byte[32];
        d.doFinal(withSeven, 0);

        d.reset(saved);
        d.update((byte) 7);
        byte[] again = new byte[32];
        d.doFinal(again, 0);
        assertArrayEquals(withSeven, again, "reset(copy) goes back to the saved state");

        ((Digest) saved).update((byte) 7); // the copy is independent and still usable
        byte[] fromCopy = new byte[32];
        ((Digest) saved).doFinal(fromCopy, 0);
        assertArrayEquals(withSeven, fromCopy);
        assertThrows(IllegalArgumentException.class, () -> d.reset(new SHA256Digest()));
    }

    @Test
    void hmacMatchesBouncyCastlesOwnSha256ForShortAndLongKeys() {
        Random random = new Random(42);
        for (int keyLength : new int[] {0, 16, 32, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            HMac ours = new HMac(new JdkSha256Digest());
            HMac reference = new HMac(new SHA256Digest());
            ours.init(new KeyParameter(key));
            reference.init(new KeyParameter(key));
            for (int length : new int[] {0, 1, 32, 55, 56, 64, 1000}) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                byte[] a = new byte[32];
                byte[] b = new byte[32];
                ours.update(message, 0, length);
                ours.doFinal(a, 0);
                reference.update(message, 0, length);
                reference.doFinal(b, 0);
                assertArrayEquals(b, a, "key " + keyLength + " B, message " + length + " B");
            }
        }
    }

    @Test
    void rfc4231TestCase2() {
        HMac mac = new HMac(new JdkSha256Digest());
        mac.init(new KeyParameter("Jefe".getBytes(StandardCharsets.US_ASCII)));
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HEX.formatHex(out));
    }
}
