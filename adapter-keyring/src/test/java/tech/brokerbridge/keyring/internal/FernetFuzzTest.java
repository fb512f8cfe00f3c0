package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issue 14.12: the Fernet token parser on any input. A token is decrypted or refused with
 * {@link InvalidTokenException}; nothing else may escape. The regular test run replays the committed seeds
 * in {@code FernetFuzzTestInputs/}; {@code bench/fuzz/run.sh} fuzzes.
 */
class FernetFuzzTest {
    private static final String KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1985-10-26T08:20:01Z"), ZoneOffset.UTC);
    private static final Fernet FERNET = Fernet.fromBase64Key(KEY, CLOCK, new SecureRandom());
    private static final byte[] SIGNING = Arrays.copyOfRange(Base64.getUrlDecoder().decode(KEY), 0, 16);

    /** Any text as a token. */
    @FuzzTest
    void anyTokenIsDecryptedOrRefused(byte[] input) {
        String token = new String(input, StandardCharsets.ISO_8859_1);
        decryptOrRefuse(token);
    }

    /**
     * Any body behind a valid signature, so that the fuzzer gets past the HMAC into the timestamp, the
     * IV, the ciphertext and its padding; and any plaintext round-trips.
     */
    @FuzzTest
    void anySignedBodyIsDecryptedOrRefused(byte[] input) throws Exception {
        byte[] body = new byte[1 + input.length];
        body[0] = (byte) 0x80;
        System.arraycopy(input, 0, body, 1, input.length);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING, "HmacSHA256"));
        byte[] tag = mac.doFinal(body);
        byte[] token = ByteBuffer.allocate(body.length + tag.length).put(body).put(tag).array();
        decryptOrRefuse(Base64.getUrlEncoder().encodeToString(token));
        assertArrayEquals(input, FERNET.decrypt(FERNET.encrypt(input)));
    }

    private static void decryptOrRefuse(String token) {
        try {
            FERNET.decrypt(token);
        } catch (InvalidTokenException expected) {
            // refused: what a bad token gets
        }
        try {
            FERNET.decrypt(token, Duration.ofSeconds(60));
        } catch (InvalidTokenException expected) {
            // refused, also for its age
        }
    }
}
