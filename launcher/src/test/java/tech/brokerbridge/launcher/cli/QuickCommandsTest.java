package tech.brokerbridge.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tech.brokerbridge.launcher.Main;

/**
 * The command lines {@link QuickCommands} runs without picocli give the same exit code, output and errors
 * as picocli's way, and every other command line (help, version, errors, other commands) is left to picocli.
 */
class QuickCommandsTest {
    static final String MACHINE = "test-machine-quick-0001";
    static final String KEY = "sk-quick-PLANTED-0815-abcdef";
    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    private Map<String, String> env() {
        return Map.of("BROKERBRIDGE_HOME", home.toString(), "BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", MACHINE);
    }

    /** {@code args} (starting with "credentials") without picocli; fails when they were not taken. */
    private Run quick(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Optional<Integer> code = QuickCommands.run(env(), Optional.of(CredentialsInput.reader(new StringReader(stdin))),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertTrue(code.isPresent(), () -> "not run without picocli: " + List.of(args));
        return new Run(code.get(), out.toString(), err.toString());
    }

    /** The same through picocli, as {@code CredentialsCommandTest} runs the group. */
    private Run picocli(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CredentialsCommand(env(), Optional.of(CredentialsInput.reader(
                new StringReader(stdin)))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(List.of(args).subList(1, args.length).toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private void same(String stdin, String... args) {
        Run p = picocli(stdin, args);
        Run q = quick(stdin, args);
        assertEquals(p, q, () -> List.of(args).toString());
        assertFalse((q.out() + q.err()).contains(KEY), "the key was printed");
    }

    @Test
    void theCredentialsCommandsAnswerAsPicocliDoes() throws IOException {
        Path file = home.resolve("key.txt");
        Files.writeString(file, KEY + "\n");
        same("", "credentials", "list");
        same(KEY + "\n", "credentials", "set", "claude");
        same("", "credentials", "list");
        same(KEY + "\n", "credentials", "--home", home.toString(), "set", "openai");
        same("", "credentials", "set", "google", "--from-file", file.toString());
        same("", "credentials", "set", "google", "--from-file=" + file, "--home=" + home);
        same("", "credentials", "list", "--home", home.toString());
        same("", "credentials", "-s", "secrets.backend=file", "--set", "machine_id=test-machine-quick-0001", "list");
        same("", "credentials", "list", "-s", "secrets.backend=file", "--set", "secrets.backend=file");
        // errors: an unknown provider, one that stores nothing, no key, a bad setting, a file that is not there
        same(KEY + "\n", "credentials", "set", "acme");
        same(KEY + "\n", "credentials", "set", "ibkr");
        same("\n", "credentials", "set", "claude");
        same(KEY + "\n", "credentials", "set", "claude", "--set", "secrets.backend=cloud");
        same("", "credentials", "list", "--set", "no.such.key=1");
        same("", "credentials", "list");
        // an exception out of the command: RootCommand's handler's one line (picocli alone would print a stack trace)
        Run missing = quick("", "credentials", "set", "claude", "--from-file", home.resolve("missing").toString());
        assertEquals(1, missing.code());
        assertEquals("brokerbridge: UncheckedIOException: cannot read " + home.resolve("missing") + "\n", missing.err());
    }

    @Test
    void serveRefusesABadConfigurationAsPicocliDoes() {
        for (String[] more : List.of(new String[] {"--port", "abc"}, new String[] {"--port=9000", "--set", "port=abc"},
                new String[] {"--rate-limit", "lots", "--allowed-hosts", "a,b"}, new String[] {"-s", "nope=1"})) {
            List<String> args = new ArrayList<>(List.of("serve", "--home", home.toString()));
            args.addAll(List.of(more));
            String[] a = args.toArray(String[]::new);
            assertTrue(QuickCommands.parse(a).isPresent(), args::toString);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int quick = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), a);
            StringWriter pout = new StringWriter();
            StringWriter perr = new StringWriter();
            CommandLine cl = RootCommand.commandLine(a);
            cl.setOut(new PrintWriter(pout, true));
            cl.setErr(new PrintWriter(perr, true));
            int slow = cl.execute(a);
            assertEquals(new Run(slow, pout.toString(), perr.toString()), new Run(quick, out.toString(), err.toString()),
                    args::toString);
            assertEquals(2, quick, err::toString);
        }
    }

    @Test
    void onlyTheSimpleCommandLinesSkipPicocli() {
        for (String line : List.of("serve", "serve --port 0", "serve --port=0 --home /tmp/h -s a=1 --set b=2",
                "serve --accept-empty-journal --rate-limit 100/60s --allowed-hosts x.test", "credentials list",
                "credentials --home /h list", "credentials list --home=/h -s a=1", "credentials set claude",
                "credentials set claude --from-file f --home h", "credentials --set a=b set openai")) {
            assertTrue(QuickCommands.parse(line.split(" ")).isPresent(), line);
        }
        for (String line : List.of("", "--help", "--version", "-V", "--verbose serve", "serve --verbose", "serve -h",
                "serve --help", "serve --port", "serve --port 1 --port 2", "serve --nope 1", "serve extra",
                "serve --port -1", "serve @args", "serve -- --port", "serve --accept-empty-journal --accept-empty-journal",
                "serve -s", "serve -sa=1", "status", "stop", "credentials", "credentials --help", "credentials list -h",
                "credentials list extra", "credentials set", "credentials set claude extra", "credentials set -x",
                "credentials delete claude", "credentials reset --yes", "credentials --from-file f set claude",
                "credentials list --from-file f", "credentials set claude --from-file a --from-file b",
                "credentials --home a list --home b", "credentials -s a=1 list --set b=2", "credentials set claude --verbose", "credentials list --version",
                "notifications list", "logs")) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");
            assertEquals(Optional.empty(), QuickCommands.parse(args), line);
        }
    }

    @Test
    void helpAndUsageErrorsStillComeFromPicocli() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--help"));
        assertTrue(out.toString().startsWith("Usage: brokerbridge serve"), out::toString);
        StringWriter err2 = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), "serve",
                "--port", "1", "--port", "2"));
        assertTrue(err2.toString().contains("should be specified only once"), err2::toString);
        StringWriter err3 = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err3, true), "credentials",
                "set"));
        assertTrue(err3.toString().contains("Missing required parameter: 'PROVIDER'"), err3::toString);
    }
}
