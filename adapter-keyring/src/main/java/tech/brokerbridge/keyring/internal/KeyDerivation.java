package tech.brokerbridge.keyring.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) with Bouncy Castle's lightweight API, over the JDK's SHA-256
 * ({@link JdkSha256Digest}: the CPU's SHA instructions, two compressions per iteration). Stateless,
 * thread-safe.
 *
 * <p>In a fresh JVM the first derivation is slow: the SHA instructions are used only from code the C2
 * compiler made, and until then the loop runs interpreted or as C1 code (measured: about 0.45 s of CPU
 * for 480,000 iterations cold, against 0.09 s once compiled). {@link #warmUp()} makes the compiler do
 * that work earlier, on a thread of its own and on a fixed input that is no secret.
 */
public final class KeyDerivation {
    /** The vault's work factor, as recommended for PBKDF2-HMAC-SHA256 (OWASP, Django). */
    public static final int ITERATIONS = 480_000;

    /** Iterations per warm-up call: few, so that the generator's loop is compiled as a method, not only on stack. */
    static final int WARM_UP_ITERATIONS = 100;
    /**
     * The most warm-up calls (300,000 iterations in all): by then the code is compiled on this machine even
     * while the rest of a start competes for the cores; a warm-up nobody needs costs at most this.
     */
    static final int WARM_UP_CALLS = 3_000;
    /**
     * A warm-up call this fast (100 iterations in 40 µs: 0.4 µs an iteration) ran compiled code: C2's, with
     * the SHA instructions (about 0.2 µs an iteration once warm; interpreted or C1 code, without them, takes
     * 1 µs or more). Preemption only makes calls slower, so a fast call is never a false sign.
     */
    static final long COMPILED_CALL_NANOS = 40_000;
    /** After this many fast calls in a row the warm-up ends: the code is compiled, more calls only take CPU. */
    static final int FAST_CALLS = 20;
    private static final byte[] WARM_UP_PASSWORD = "brokerbridge key derivation warm-up, no secret"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WARM_UP_SALT = new byte[16];

    /** How many derivations have begun in this process (warm-ups not counted). */
    private static final AtomicLong BEGUN = new AtomicLong();

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
        BEGUN.incrementAndGet(); // a warm-up still running stops: it would only compete for the CPU now
        return derive(password, salt, iterations, lengthBytes);
    }

    private static byte[] derive(byte[] password, byte[] salt, int iterations, int lengthBytes) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new JdkSha256Digest());
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(lengthBytes * 8)).getKey();
    }

    /**
     * A task that runs the derivation's code on a fixed, public input (never the machine's material: it
     * derives no key) until the JIT has compiled it: {@link #WARM_UP_CALLS} calls of
     * {@link #WARM_UP_ITERATIONS} iterations, or fewer, since it ends as soon as a derivation begins in
     * this process after this method was called (the derivation then goes on with the code compiled so far),
     * and as soon as {@link #FAST_CALLS} calls in a row ran at compiled speed (until then it took about as much
     * CPU again, competing with the start it was meant to speed up).
     * Meant for a thread of its own at the start of a process that will open a vault.
     */
    public static WarmUp warmUp() {
        return new WarmUp(BEGUN.get(), COMPILED_CALL_NANOS);
    }

    /** For tests: a warm-up that counts a call of at most {@code compiledCallNanos} as a compiled one. */
    static WarmUp warmUp(long compiledCallNanos) {
        return new WarmUp(BEGUN.get(), compiledCallNanos);
    }

    /** See {@link #warmUp()}; {@link #run()} may be called once. */
    public static final class WarmUp implements Runnable {
        private final long begunBefore;
        private final long compiledCallNanos;
        private volatile int calls;

        private WarmUp(long begunBefore, long compiledCallNanos) {
            this.begunBefore = begunBefore;
            this.compiledCallNanos = compiledCallNanos;
        }

        @Override
        public void run() {
            int i = 0;
            int fast = 0;
            while (i < WARM_UP_CALLS && fast < FAST_CALLS && BEGUN.get() == begunBefore) {
                long t0 = System.nanoTime();
                Arrays.fill(derive(WARM_UP_PASSWORD, WARM_UP_SALT, WARM_UP_ITERATIONS, 32), (byte) 0);
                fast = System.nanoTime() - t0 <= compiledCallNanos ? fast + 1 : 0;
                calls = ++i;
            }
        }

        /** The warm-up calls made so far. */
        public int calls() {
            return calls;
        }
    }
}
