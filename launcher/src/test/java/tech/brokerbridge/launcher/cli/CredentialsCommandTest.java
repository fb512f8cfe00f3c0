package tech.brokerbridge.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.Main;
import tech.brokerbridge.ports.Secret;

/** {@code brokerbridge credentials set|list|delete} on a real file vault. */
class CredentialsCommandTest {
    static final String MACHINE = "test-machine-cli-0001";
    static final String KEY = "sk-cli-PLANTED-4711-abcdef";
    @TempDir
    Path home;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Map<String, String> env(String machine) {
        return Map.of("BROKERBRIDGE_HOME", home.toString(), "BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", machine);
    }

    private Run run(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CredentialsCommand(env, Optional.of(CredentialsInput.reader(
                new StringReader(stdin)))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        Run r = new Run(code, out.toString(), err.toString());
        assertFalse(r.all().contains(KEY), () -> "the key was printed: " + r);
        return r;
    }

    private Run run(String... args) {
        return run(env(MACHINE), "", args);
    }

    private Optional<Secret> stored(String name) {
        try (Vault v = VaultFactory.open(new VaultConfig(home, "file", Optional.of(MACHINE)))) {
            return v.get(name);
        }
    }

    @Test
    void setListAndDelete() {
        Run set = run(env(MACHINE), KEY + "\nnext line is ignored\n", "set", "claude");
        assertEquals(0, set.code(), set.toString());
        assertEquals("saved the claude credential (claude.api_key) in the vault\n", set.out());
        assertEquals(Optional.of(Secret.of(KEY)), stored("claude.api_key"));

        Run list = run("list");
        assertEquals(0, list.code(), list.toString());
        List<String> lines = list.out().lines().toList();
        assertEquals(10, lines.size(), list.out());
        assertTrue(lines.get(0).matches("claude\\s+saved\\s+saved"), lines.get(0));
        assertTrue(lines.get(1).matches("openai\\s+missing\\s+not saved"), lines.get(1));
        assertTrue(lines.get(4).startsWith("ibkr "), lines.get(4));
        assertTrue(lines.get(5).startsWith("stripe "), lines.get(5));
        assertTrue(lines.get(6).matches("telegram\\s+missing\\s+not saved"), lines.get(6));

        Run del = run("delete", "claude");
        assertEquals("deleted the claude credential\n", del.out());
        assertEquals(Optional.empty(), stored("claude.api_key"));
        assertEquals("no claude credential was stored; nothing deleted\n", run("delete", "claude").out());
        assertTrue(run("list").out().lines().findFirst().orElseThrow().matches("claude\\s+missing.*"));
    }

    @Test
    void theKeyMayComeFromAFileAndTheHomeFromTheOption() throws IOException {
        Path file = home.resolve("key.txt");
        Files.writeString(file, KEY + "\r\n");
        Map<String, String> noHome = new HashMap<>(env(MACHINE));
        noHome.remove("BROKERBRIDGE_HOME");
        Run set = run(noHome, "", "set", "openai", "--from-file", file.toString(), "--home", home.toString());
        assertEquals(0, set.code(), set.toString());
        assertEquals(Optional.of(Secret.of(KEY)), stored("openai.api_key"));
        Run list = run(noHome, "", "--home", home.toString(), "list");
        assertTrue(list.out().lines().skip(1).findFirst().orElseThrow().matches("openai\\s+saved.*"), list.out());
    }

    @Test
    void badArgumentsAreUsageErrorsAndNothingIsSaved() {
        Run acme = run(env(MACHINE), KEY + "\n", "set", "acme");
        assertEquals(2, acme.code());
        assertTrue(acme.err().contains("unknown provider; known: claude, openai, openrouter, google, ibkr, stripe"),
                acme.err());
        Run ibkr = run(env(MACHINE), KEY + "\n", "set", "ibkr");
        assertEquals(2, ibkr.code());
        assertTrue(ibkr.err().contains("IB Gateway needs no credential"), ibkr.err());
        Run empty = run(env(MACHINE), "\n", "set", "google");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("no key given; nothing saved"), empty.err());
        Run tooLong = run(env(MACHINE), "x".repeat(CredentialsInput.MAX + 1), "set", "google");
        assertEquals(2, tooLong.code());
        assertEquals(2, run("delete", "acme").code());
        Run badConfig = run(env(MACHINE), KEY + "\n", "set", "claude", "--set", "secrets.backend=cloud");
        assertEquals(2, badConfig.code());
        assertTrue(badConfig.err().contains("secrets.backend"), badConfig.err());
        assertTrue(run("list").out().lines().allMatch(l -> !l.matches("\\S+\\s+saved.*")), "nothing saved");
    }

    @Test
    void keysFromAnotherMachineAreListedAsUndecryptableAndReplacedBySet() {
        assertEquals(0, run(env(MACHINE), KEY + "\n", "set", "claude").code());
        Map<String, String> other = env("test-machine-cli-0002");
        Run list = run(other, "", "list");
        assertTrue(list.out().lines().findFirst().orElseThrow()
                .matches("claude\\s+undecryptable\\s+encrypted on another machine \u2014 enter them again"), list.out());
        assertEquals(0, run(other, "sk-new\n", "set", "claude").code());
        assertTrue(run(other, "", "list").out().lines().findFirst().orElseThrow().matches("claude\\s+saved.*"));
    }

    @Test
    void theCommandIsRegisteredAtTheRoot() {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "credentials", "--help");
        assertEquals(0, code);
        assertTrue(out.toString().contains("set") && out.toString().contains("list") && out.toString().contains("delete"),
                out.toString());
    }

    @Test
    void aRealProcessReadsTheKeyFromAPipe() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "credentials", "set",
                "google"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("BROKERBRIDGE_"));
        pb.environment().putAll(env(MACHINE));
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("saved the google credential (google.api_key)"), output);
        assertFalse(output.contains(KEY), output);
        assertEquals(Optional.of(Secret.of(KEY)), stored("google.api_key"));
    }

    /** Issue 14.6: vault.json deleted while secrets exist is refused with the way out, and reset is that way. */
    @Test
    void aLostVaultFileIsRefusedUntilRestoredOrReset() throws Exception {
        assertEquals(0, run(env(MACHINE), KEY + "\n", "set", "openai").code());
        Files.delete(home.resolve("vault.json"));
        Run list = run("list");
        assertEquals(ExitCodes.FAILURE, list.code(), list.toString());
        assertTrue(list.err().contains("vault.json is missing but stored secrets exist"), list.err());
        assertTrue(list.err().contains("credentials reset"), list.err());
        assertFalse(Files.exists(home.resolve("vault.json")), "no new salt was written");

        Run refused = run("reset");
        assertEquals(ExitCodes.INVALID_CONFIG, refused.code(), refused.toString());
        assertTrue(refused.err().contains("--yes"), refused.err());
        assertTrue(Files.exists(home.resolve("secrets.json")), "nothing deleted without --yes");

        Run reset = run("reset", "--yes");
        assertEquals(0, reset.code(), reset.toString());
        assertTrue(reset.out().startsWith("vault reset: 1 stored credential(s) deleted"), reset.out());
        Run after = run("list");
        assertEquals(0, after.code(), after.toString());
        assertTrue(after.out().lines().anyMatch(l -> l.matches("openai\\s+missing\\s+not saved")), after.out());
    }
}
