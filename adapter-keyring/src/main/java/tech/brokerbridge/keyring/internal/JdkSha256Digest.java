package tech.brokerbridge.keyring.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * SHA-256 for Bouncy Castle's lightweight API, computed by the JDK's {@link MessageDigest}, whose
 * compression function HotSpot replaces with the CPU's SHA instructions (SHA-NI, or AVX2 code)
 * where it has them; Bouncy Castle's own {@code SHA256Digest} is plain Java.
 *
 * <p>It is a {@link Memoable}, so {@code HMac} saves the digest's state after the inner and outer
 * key pads once and restores it for every MAC: one PBKDF2 iteration then costs two compressions
 * (inner and outer hash of one block each), not four. Restoring is a {@link MessageDigest#clone()}
 * of the saved state (the SUN provider's digests are cloneable).
 *
 * <p>Not thread-safe, like every Bouncy Castle digest.
 */
final class JdkSha256Digest implements ExtendedDigest, Memoable {
    private static final int DIGEST_BYTES = 32;
    private static final int BLOCK_BYTES = 64;

    private MessageDigest md;

    JdkSha256Digest() {
        try {
            this.md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private JdkSha256Digest(MessageDigest md) {
        this.md = md;
    }

    @Override
    public String getAlgorithmName() {
        return "SHA-256";
    }

    @Override
    public int getDigestSize() {
        return DIGEST_BYTES;
    }

    @Override
    public int getByteLength() {
        return BLOCK_BYTES;
    }

    @Override
    public void update(byte in) {
        md.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        md.update(in, inOff, len);
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        try {
            return md.digest(out, outOff, DIGEST_BYTES);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a SHA-256 digest at " + outOff, e);
        }
    }

    @Override
    public void reset() {
        md.reset();
    }

    @Override
    public Memoable copy() {
        return new JdkSha256Digest(cloneOf(md));
    }

    @Override
    public void reset(Memoable other) {
        if (!(other instanceof JdkSha256Digest saved)) {
            throw new IllegalArgumentException("not a JdkSha256Digest: " + other.getClass().getName());
        }
        md = cloneOf(saved.md);
    }

    private static MessageDigest cloneOf(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JVM's SHA-256 cannot be cloned", e);
        }
    }
}
