import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.ports.Secret;

/**
 * The vault's speed through its published surface ({@link VaultFactory}, {@link Vault}), with the
 * encrypted-file backend in a fresh directory:
 * <ul>
 *   <li>opening it: one PBKDF2-HMAC-SHA256 derivation at the vault's work factor (480,000) over the
 *       machine id, plus reading or creating {@code vault.json}; cold is the first open in a fresh
 *       JVM, as the desk pays it at start-up, warm the best of three re-openings;</li>
 *   <li>reads ({@code get}: read {@code secrets.json}, parse it, Fernet-decrypt) and writes
 *       ({@code put}: Fernet-encrypt, write {@code secrets.json} atomically and durably) per second,
 *       for a 64 B and a 4 KiB secret.</li>
 * </ul>
 * Run by bench/vault/run.sh, which prints the references. Output: "key value" lines.
 */
public final class VaultBench {
    private static final String NAME = "bench.secret";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jdk")) {
            jdkPbkdf2();
            return;
        }
        Path dir = Files.createTempDirectory("vault-bench");
        VaultConfig config = new VaultConfig(dir, "file", Optional.of("vault-bench-machine-0001"));
        long start = System.nanoTime();
        Vault vault = VaultFactory.open(config);
        double cold = (System.nanoTime() - start) / 1e6;
        vault.close();
        double warm = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            start = System.nanoTime();
            vault = VaultFactory.open(config);
            warm = Math.min(warm, (System.nanoTime() - start) / 1e6);
            vault.close();
        }
        System.out.printf("java_vault_open_cold_ms %.1f%n", cold);
        System.out.printf("java_vault_open_warm_ms %.1f%n", warm);

        try (Vault v = VaultFactory.open(config)) {
            for (int size : new int[] {64, 4096}) {
                String plain = "s".repeat(size);
                v.put(NAME, Secret.of(plain));
                if (!v.get(NAME).orElseThrow().reveal().equals(plain)) {
                    throw new IllegalStateException("the vault returned another secret");
                }
                reads(v, size, 2_000_000_000L); // warm-up
                System.out.printf("java_vault_get_%d_ops %.0f%n", size, reads(v, size, 3_000_000_000L));
                writes(v, plain, 1_000_000_000L); // warm-up
                System.out.printf("java_vault_put_%d_ops %.0f%n", size, writes(v, plain, 3_000_000_000L));
            }
            v.delete(NAME);
        }
    }

    /** For comparison only: the JDK's own PBKDF2 (SHA-256 intrinsics), in its own fresh JVM. */
    private static void jdkPbkdf2() throws Exception {
        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec("password".toCharArray(),
                "saltsaltsaltsalt".getBytes(java.nio.charset.StandardCharsets.UTF_8), 480_000, 256);
        double[] times = new double[4];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf("jdk_pbkdf2_cold_ms %.1f%n", times[0]);
        System.out.printf("jdk_pbkdf2_warm_ms %.1f%n", Math.min(times[1], Math.min(times[2], times[3])));
    }

    /** Reads per second over about {@code nanos}. */
    private static double reads(Vault vault, int size, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() - start < nanos) {
            for (int i = 0; i < 100; i++) {
                sink += vault.get(NAME).orElseThrow().reveal().length();
            }
            count += 100;
        }
        if (sink != count * size) {
            throw new IllegalStateException("a read lost characters");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Writes per second over about {@code nanos} (each one synced to disk). */
    private static double writes(Vault vault, String plain, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < nanos) {
            vault.put(NAME, Secret.of(plain));
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
