import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import tech.brokerbridge.keyring.internal.Fernet;
import tech.brokerbridge.keyring.internal.InvalidTokenException;
import tech.brokerbridge.keyring.internal.KeyDerivation;

/**
 * The vault's speed: one PBKDF2-HMAC-SHA256 derivation at the vault's work factor (cold: the first
 * in a fresh JVM, as the desk pays it at start-up; warm: best of three afterwards) and Fernet
 * encrypt+decrypt round trips per second. Run by bench/vault/run.sh, which prints the references.
 * Output: "key value" lines.
 */
public final class VaultBench {
    public static void main(String[] args) throws Exception {
        byte[] password = "password".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "saltsaltsaltsalt".getBytes(StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals("jdk")) {
            jdkPbkdf2(salt);
            return;
        }
        long start = System.nanoTime();
        byte[] key = KeyDerivation.pbkdf2HmacSha256(password, salt, KeyDerivation.ITERATIONS, 32);
        double cold = (System.nanoTime() - start) / 1e6;
        double warm = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            start = System.nanoTime();
            KeyDerivation.pbkdf2HmacSha256(password, salt, KeyDerivation.ITERATIONS, 32);
            warm = Math.min(warm, (System.nanoTime() - start) / 1e6);
        }
        System.out.printf("java_pbkdf2_cold_ms %.1f%n", cold);
        System.out.printf("java_pbkdf2_warm_ms %.1f%n", warm);
        System.out.printf("java_pbkdf2_key %s%n", java.util.HexFormat.of().formatHex(key));

        Fernet fernet = new Fernet(key, Clock.systemUTC(), new SecureRandom());
        for (int size : new int[] {64, 4096}) {
            byte[] plain = new byte[size];
            new SecureRandom().nextBytes(plain);
            roundTrips(fernet, plain, 2_000_000_000L); // warm-up
            double perSecond = roundTrips(fernet, plain, 3_000_000_000L);
            System.out.printf("java_fernet_%d_ops %.0f%n", size, perSecond);
        }
    }

    /** For comparison only: the JDK's own PBKDF2 (SHA-256 intrinsics), in its own fresh JVM. */
    private static void jdkPbkdf2(byte[] salt) throws Exception {
        javax.crypto.spec.PBEKeySpec spec =
                new javax.crypto.spec.PBEKeySpec("password".toCharArray(), salt, KeyDerivation.ITERATIONS, 256);
        double[] times = new double[4];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf("jdk_pbkdf2_cold_ms %.1f%n", times[0]);
        System.out.printf("jdk_pbkdf2_warm_ms %.1f%n", Math.min(times[1], Math.min(times[2], times[3])));
    }

    /** Encrypt+decrypt round trips per second over about {@code nanos}. */
    private static double roundTrips(Fernet fernet, byte[] plain, long nanos) throws InvalidTokenException {
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() - start < nanos) {
            for (int i = 0; i < 100; i++) {
                sink += fernet.decrypt(fernet.encrypt(plain)).length;
            }
            count += 100;
        }
        if (sink != count * plain.length) {
            throw new IllegalStateException("round trip lost bytes");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
