package tech.brokerbridge.keyring.internal;

import java.util.Objects;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) with Bouncy Castle's lightweight API, over the JDK's SHA-256
 * ({@link JdkSha256Digest}: the CPU's SHA instructions, two compressions per iteration). Stateless,
 * thread-safe.
 */
public final class KeyDerivation {
    /** The vault's work factor, as recommended for PBKDF2-HMAC-SHA256 (OWASP, Django). */
    public static final int ITERATIONS = 480_000;

    private KeyDerivation() {}

    /**
     * Derives {@code lengthBytes} bytes. CPU-bound: at {@link #ITERATIONS} about 0.1 s on a CPU with SHA
     * instructions, once compiled (bench/vault). The caller owns (and should wipe) both the input and the output.
     */
    public static byte[] pbkdf2HmacSha256(byte[] password, byte[] salt, int iterations, int lengthBytes) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1 || lengthBytes < 1) {
            throw new IllegalArgumentException("iterations and length must be positive");
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new JdkSha256Digest());
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(lengthBytes * 8)).getKey();
    }
}
