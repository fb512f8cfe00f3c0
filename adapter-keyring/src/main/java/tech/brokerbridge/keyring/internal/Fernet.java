package tech.brokerbridge.keyring.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * Fernet tokens, exactly as in the Fernet specification (github.com/fernet/spec):
 * {@code 0x80 | timestamp (8 bytes, big-endian seconds) | IV (16) | AES-128-CBC ciphertext (PKCS#7) |
 * HMAC-SHA256 (32)}, base64url with padding. The signing key is the first 16 bytes of the 32-byte
 * key, the encryption key the last 16.
 *
 * <p>A token is authenticated (HMAC, compared in constant time) before anything is decrypted.
 * The timestamp is checked only when a time to live is asked for, as other implementations do
 * (Python's {@code cryptography}): then a token older than the TTL or stamped more than 60 s in
 * the future is rejected.
 *
 * <p>Thread-safe: each thread uses its own cipher and MAC instances. {@link #toString()} shows no key.
 * {@link #close()} wipes the key: the only copies left are inside the JCA instances that used it,
 * which are no longer used and are garbage once their threads end.
 */
public final class Fernet implements AutoCloseable {
    /** Key size in bytes: 16 signing + 16 encryption. */
    public static final int KEY_BYTES = 32;
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    private static final byte VERSION = (byte) 0x80;
    private static final int BLOCK = 16;
    private static final int HEADER = 1 + 8 + BLOCK;
    private static final int HMAC_BYTES = 32;
    private static final int MIN_TOKEN_BYTES = HEADER + BLOCK + HMAC_BYTES;

    private final WipeableKey signingKey;
    private final WipeableKey encryptionKey;
    private final Clock clock;
    private final SecureRandom random;
    // JCA lookups cost more than encrypting a short credential: keep one instance per thread
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(Fernet::newCipher);
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param key 32 bytes; copied, so the caller may wipe its array */
    public Fernet(byte[] key, Clock clock, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a Fernet key has 32 bytes");
        }
        this.signingKey = new WipeableKey(Arrays.copyOfRange(key, 0, 16), "HmacSHA256");
        this.encryptionKey = new WipeableKey(Arrays.copyOfRange(key, 16, 32), "AES");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A Fernet from a base64url key, the form other implementations print. */
    public static Fernet fromBase64Key(String key, Clock clock, SecureRandom random) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(key);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("a Fernet key is 32 bytes in base64url", ex);
        }
        try {
            return new Fernet(raw, clock, random);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Encrypts with the current time and a random IV. */
    public String encrypt(byte[] plaintext) {
        byte[] iv = new byte[BLOCK];
        random.nextBytes(iv);
        return encrypt(plaintext, clock.instant(), iv);
    }

    /** Encrypts with a given time and IV: deterministic, for test vectors. */
    public String encrypt(byte[] plaintext, Instant at, byte[] iv) {
        Objects.requireNonNull(plaintext, "plaintext");
        ensureOpen();
        if (iv.length != BLOCK) {
            throw new IllegalArgumentException("the IV has 16 bytes");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new IvParameterSpec(iv));
            int cipherLength = cipher.getOutputSize(plaintext.length);
            ByteBuffer token = ByteBuffer.allocate(HEADER + cipherLength + HMAC_BYTES);
            token.put(VERSION).putLong(at.getEpochSecond()).put(iv);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, token.array(), HEADER);
            Mac mac = mac();
            mac.update(token.array(), 0, HEADER + written);
            mac.doFinal(token.array(), HEADER + written);
            return Base64.getUrlEncoder().encodeToString(token.array());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CBC or HMAC-SHA256 unavailable in this JVM", ex);
        }
    }

    /** Decrypts a token of any age. */
    public byte[] decrypt(String token) throws InvalidTokenException {
        return decrypt(token, Optional.empty());
    }

    /** Decrypts a token no older than {@code ttl}, checking the timestamp against the clock. */
    public byte[] decrypt(String token, Duration ttl) throws InvalidTokenException {
        return decrypt(token, Optional.of(ttl));
    }

    private byte[] decrypt(String token, Optional<Duration> ttl) throws InvalidTokenException {
        Objects.requireNonNull(token, "token");
        ensureOpen();
        byte[] data = decodeAndCheckShape(token);
        int macStart = data.length - HMAC_BYTES;
        verifySignature(data, macStart);
        ByteBuffer header = ByteBuffer.wrap(data, 1, 8);
        long timestamp = header.getLong();
        if (ttl.isPresent()) {
            checkAge(timestamp, ttl.get());
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new IvParameterSpec(data, 9, BLOCK));
            return cipher.doFinal(data, HEADER, macStart - HEADER);
        } catch (BadPaddingException ex) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_PADDING);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CBC unavailable in this JVM", ex);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private static byte[] decodeAndCheckShape(String token) throws InvalidTokenException {
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException ex) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        if (data.length < MIN_TOKEN_BYTES
                || data[0] != VERSION
                || (data.length - HEADER - HMAC_BYTES) % BLOCK != 0) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        return data;
    }

    private void verifySignature(byte[] data, int macStart) throws InvalidTokenException {
        Mac mac = mac();
        mac.update(data, 0, macStart);
        byte[] expected = mac.doFinal();
        byte[] actual = Arrays.copyOfRange(data, macStart, data.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE);
        }
    }

    private void checkAge(long timestamp, Duration ttl) throws InvalidTokenException {
        long now = clock.instant().getEpochSecond();
        // the timestamp is an unsigned 64-bit count of seconds
        if (Long.compareUnsigned(timestamp, now + MAX_CLOCK_SKEW.getSeconds()) > 0) {
            throw new InvalidTokenException(InvalidTokenException.Reason.FROM_THE_FUTURE);
        }
        if (timestamp + ttl.getSeconds() < now) {
            throw new InvalidTokenException(InvalidTokenException.Reason.EXPIRED);
        }
    }

    /** This thread's MAC, keyed and reset (in case an earlier call failed half-way). */
    private Mac mac() {
        Mac mac = macs.get();
        mac.reset();
        return mac;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            return mac;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 unavailable in this JVM", ex);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/CBC/PKCS5Padding");
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CBC unavailable in this JVM", ex);
        }
    }

    /**
     * Wipes the key; every later call throws {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        signingKey.destroy();
        encryptionKey.destroy();
    }

    private void ensureOpen() {
        if (signingKey.isDestroyed() || encryptionKey.isDestroyed()) {
            throw new IllegalStateException("this Fernet is closed: its key was wiped");
        }
    }

    @Override
    public String toString() {
        return "Fernet[key hidden]";
    }

    /**
     * A key whose bytes can be wiped ({@code SecretKeySpec} keeps a copy it never clears). The JCA
     * takes a copy through {@link #getEncoded()} when a cipher or MAC is initialised.
     */
    private static final class WipeableKey implements SecretKey {
        private static final long serialVersionUID = 1L;
        private final byte[] key;
        private final String algorithm;
        private volatile boolean destroyed;

        WipeableKey(byte[] key, String algorithm) {
            this.key = key;
            this.algorithm = algorithm;
        }

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            if (destroyed) {
                throw new IllegalStateException("the key was wiped");
            }
            return key.clone();
        }

        @Override
        public void destroy() {
            Arrays.fill(key, (byte) 0);
            destroyed = true;
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }

        @Override
        public String toString() {
            return "WipeableKey[" + algorithm + ", hidden]";
        }
    }
}
