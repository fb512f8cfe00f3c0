package tech.brokerbridge.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.cli.QuickCommands;
import tech.brokerbridge.launcher.cli.RootCommand;

/**
 * Entry point of {@code brokerbridge.jar}. Exit codes: 0 success, 1 unexpected failure, 2 invalid
 * configuration or usage, 3 port already in use.
 */
public final class Main {
    /** Netty's switch for its Java Flight Recorder events (on by default where JFR is available). */
    static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";

    private Main() {
    }

    public static void main(String[] args) {
        // Netty's buffer events for Java Flight Recorder: their classes (JFR events, which AppCDS cannot
        // archive) and ~85 of jdk.jfr's were loaded while the first request was answered; -D... turns them on
        if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
            System.setProperty(NETTY_JFR_PROPERTY, "false");
        }
        if (opensVault(args)) {
            // the vault's key derivation runs ~5 times slower before the JIT has compiled it: that compiling
            // starts now, on the second core, while the command line, logging and configuration are set up
            Thread warmUp = new Thread(VaultFactory.keyDerivationWarmUp(), "brokerbridge-kdf-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        System.exit(run(args));
    }

    /**
     * Whether {@code args} name a command that opens the vault ({@code serve}, {@code credentials set|list|
     * delete}); a wrong guess costs only a warm-up's CPU time.
     */
    static boolean opensVault(String... args) {
        List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("-")).toList();
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h") || words.isEmpty()) {
            return false;
        }
        return words.get(0).equals("serve") || words.get(0).equals("credentials") && words.size() > 1
                && List.of("set", "list", "delete").contains(words.get(1));
    }

    /** Runs the command line and returns the exit code (used by tests, which must not exit the JVM). */
    public static int run(String... args) {
        // serve, credentials list and credentials set with plain options skip building picocli's model
        Optional<Integer> quick = QuickCommands.run(args);
        return quick.isPresent() ? quick.get() : RootCommand.commandLine(args).execute(args);
    }

    /** Runs with the given output streams (for tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        Optional<Integer> quick = QuickCommands.run(out, err, args);
        if (quick.isPresent()) {
            return quick.get();
        }
        CommandLine cl = RootCommand.commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }
}
