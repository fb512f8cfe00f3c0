package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.keyring.internal.InvalidTokenException.Reason;

class FernetTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final byte[] key = new byte[Fernet.KEY_BYTES];
    private final SecureRandom random = new SecureRandom();

    FernetTest() {
        new Random(7).nextBytes(key);
    }

    private Fernet fernetAt(Instant now) {
        return new Fernet(key, Clock.fixed(now, ZoneOffset.UTC), random);
    }

    @Test
    void roundTripsEverySizeAroundTheBlockBoundaries() throws Exception {
        Fernet fernet = fernetAt(T0);
        for (int size : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 4096}) {
            byte[] plain = new byte[size];
            random.nextBytes(plain);
            String token = fernet.encrypt(plain);
            assertTrue(token.startsWith("gAAAAA"), "version byte 0x80 and a timestamp below 2^40");
            assertEquals(0, token.length() % 4, "base64url with padding");
            assertArrayEquals(plain, fernet.decrypt(token));
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        Fernet fernet = fernetAt(T0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random values = new Random(seed);
                    for (int i = 0; i < 200; i++) {
                        byte[] plain = new byte[values.nextInt(300)];
                        values.nextBytes(plain);
                        String token = fernet.encrypt(plain);
                        if (i % 7 == 0) {
                            String bad = token.substring(0, 30) + (token.charAt(30) == 'A' ? 'B' : 'A') + token.substring(31);
                            assertThrows(InvalidTokenException.class, () -> fernet.decrypt(bad));
                        }
                        assertArrayEquals(plain, fernet.decrypt(token));
                    }
                    return 200;
                }));
            }
            for (java.util.concurrent.Future<Integer> result : results) {
                assertEquals(200, result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensCarryTheClockTimeAndARandomIv() {
        Fernet fernet = fernetAt(T0);
        byte[] plain = "same".getBytes(StandardCharsets.UTF_8);
        String a = fernet.encrypt(plain);
        String b = fernet.encrypt(plain);
        assertNotEquals(a, b, "a fresh IV per token");
        byte[] raw = Base64.getUrlDecoder().decode(a);
        long ts = java.nio.ByteBuffer.wrap(raw, 1, 8).getLong();
        assertEquals(T0.getEpochSecond(), ts);
    }

    @Test
    void everySingleBitFlipIsRejected() throws Exception {
        Fernet fernet = fernetAt(T0);
        byte[] raw = Base64.getUrlDecoder().decode(fernet.encrypt("a credential".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < raw.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = raw.clone();
                bad[i] ^= (byte) (1 << bit);
                String token = Base64.getUrlEncoder().encodeToString(bad);
                InvalidTokenException ex = assertThrows(InvalidTokenException.class, () -> fernet.decrypt(token));
                assertTrue(
                        ex.reason() == Reason.BAD_SIGNATURE || ex.reason() == Reason.MALFORMED,
                        "byte " + i + ": rejected by shape or signature, never reaching decryption");
            }
        }
    }

    @Test
    void anotherKeyFailsTheSignature() {
        String token = fernetAt(T0).encrypt("x".getBytes(StandardCharsets.UTF_8));
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        Fernet other = new Fernet(otherKey, Clock.fixed(T0, ZoneOffset.UTC), random);
        InvalidTokenException ex = assertThrows(InvalidTokenException.class, () -> other.decrypt(token));
        assertEquals(Reason.BAD_SIGNATURE, ex.reason());
    }

    @Test
    void aValidlySignedTokenWithBadPaddingIsRejectedAfterVerification() throws Exception {
        // sign a ciphertext whose padding is wrong: only reachable after the HMAC check passed
        byte[] raw = Base64.getUrlDecoder().decode(fernetAt(T0).encrypt(new byte[0]));
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(key, 16, 16, "AES"),
                new javax.crypto.spec.IvParameterSpec(raw, 9, 16));
        byte[] badBlock = aes.doFinal(new byte[16]); // padding byte 0 is invalid PKCS#7
        System.arraycopy(badBlock, 0, raw, 25, 16);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, 0, 16, "HmacSHA256"));
        mac.update(raw, 0, raw.length - 32);
        System.arraycopy(mac.doFinal(), 0, raw, raw.length - 32, 32);
        String token = Base64.getUrlEncoder().encodeToString(raw);
        InvalidTokenException ex = assertThrows(InvalidTokenException.class, () -> fernetAt(T0).decrypt(token));
        assertEquals(Reason.BAD_PADDING, ex.reason());
    }

    @Test
    void ttlRejectsOldAndFarFutureTokensButNotSmallSkew() throws Exception {
        String token = fernetAt(T0).encrypt("x".getBytes(StandardCharsets.UTF_8));
        Duration ttl = Duration.ofSeconds(60);
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), fernetAt(T0.plusSeconds(60)).decrypt(token, ttl));
        assertEquals(Reason.EXPIRED,
                assertThrows(InvalidTokenException.class, () -> fernetAt(T0.plusSeconds(61)).decrypt(token, ttl)).reason());
        fernetAt(T0.minusSeconds(60)).decrypt(token, ttl);
        assertEquals(Reason.FROM_THE_FUTURE,
                assertThrows(InvalidTokenException.class, () -> fernetAt(T0.minusSeconds(61)).decrypt(token, ttl)).reason());
        // without a TTL the age is not checked, so a vault survives a clock that jumped
        fernetAt(T0.minusSeconds(86_400)).decrypt(token);
        fernetAt(T0.plusSeconds(86_400 * 365)).decrypt(token);
    }

    @Test
    void malformedInputIsRejectedWithoutDetail() {
        Fernet fernet = fernetAt(T0);
        for (String bad : new String[] {"", "gAAAAA", "not base64 !", "gAAAAAAdwJ6w" + "A".repeat(100) + "==="}) {
            InvalidTokenException ex = assertThrows(InvalidTokenException.class, () -> fernet.decrypt(bad));
            assertEquals(Reason.MALFORMED, ex.reason());
            assertFalse(bad.length() > 3 && ex.getMessage().contains(bad), "the message never quotes the token");
        }
        byte[] wrongVersion = Base64.getUrlDecoder().decode(fernet.encrypt(new byte[3]));
        wrongVersion[0] = (byte) 0x81;
        assertEquals(Reason.MALFORMED, assertThrows(InvalidTokenException.class,
                () -> fernet.decrypt(Base64.getUrlEncoder().encodeToString(wrongVersion))).reason());
    }

    @Test
    void rejectsKeysOfTheWrongSizeAndHidesTheKey() {
        assertThrows(IllegalArgumentException.class, () -> new Fernet(new byte[16], Clock.systemUTC(), random));
        Fernet fernet = fernetAt(T0);
        assertFalse(fernet.toString().contains(Base64.getUrlEncoder().encodeToString(key)));
        byte[] copy = key.clone();
        Fernet fromCopy = new Fernet(copy, Clock.fixed(T0, ZoneOffset.UTC), random);
        Arrays.fill(copy, (byte) 0);
        String token = fromCopy.encrypt(new byte[] {1});
        assertEquals(1, assertDoesNotThrowDecrypt(fernet, token).length, "the key was copied before the wipe");
    }

    private static byte[] assertDoesNotThrowDecrypt(Fernet fernet, String token) {
        try {
            return fernet.decrypt(token);
        } catch (InvalidTokenException ex) {
            throw new AssertionError("expected a valid token", ex);
        }
    }

    @Test
    void closeWipesTheKeyAndRefusesFurtherUse() throws Exception {
        Fernet fernet = fernetAt(T0);
        String token = fernet.encrypt(new byte[] {1, 2, 3});
        fernet.close();
        fernet.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> fernet.encrypt(new byte[1]));
        assertThrows(IllegalStateException.class, () -> fernet.decrypt(token));
        // the caller's array was copied, not kept: wiping the Fernet leaves it as it was
        assertTrue(key[0] != 0 || key[1] != 0, "the caller's key array is the caller's");
    }
}
