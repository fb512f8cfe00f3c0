package tech.brokerbridge.launcher.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.launcher.logging.StandardLogging;

/**
 * The three command lines that are timed at every start, parsed without picocli: {@code serve} with its
 * options, {@code credentials list} and {@code credentials set PROVIDER}, each with plain
 * {@code --name value} / {@code --name=value} options given at most once ({@code -s/--set} may repeat).
 * Building picocli's model of a command (reflection over the annotated classes, annotation proxies,
 * converters) took about 0.2 s of a 1 s command on a fresh JVM. Anything else — help, version, an
 * unknown or repeated option, a value that starts with {@code -} or {@code @}, {@code --verbose}, a
 * missing or extra argument, {@code --} — is left to picocli, which then parses, answers and reports
 * errors exactly as before; {@link #parse} says which is which and {@code QuickCommandsTest} checks that
 * both ways give the same exit code and output.
 */
public final class QuickCommands {
    private QuickCommands() {
    }

    /** A command line this class runs: the command, its single-valued options, the repeated {@code --set}s. */
    record Parsed(String command, Map<String, String> options, List<String> settings, boolean acceptEmptyJournal,
            Optional<String> provider) {
    }

    /**
     * Runs {@code args} when they are one of the simple command lines, on the process's standard output
     * and error (as picocli would make them); empty when picocli must parse them.
     */
    public static Optional<Integer> run(String... args) {
        Optional<Parsed> parsed = parse(args);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        if (!parsed.get().command().equals("serve")) {
            // this process's console log stays silenced until it exits: Logback need not make its console appender
            StandardLogging.withoutConsole();
        }
        PrintWriter out = writer(FileDescriptor.out, "sun.stdout.encoding");
        PrintWriter err = writer(FileDescriptor.err, "sun.stderr.encoding");
        try {
            return Optional.of(execute(parsed.get(), System.getenv(), Optional.empty(), out, err));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** As {@link #run(String...)}, with the given streams (tests, and {@code Main.run} with writers). */
    public static Optional<Integer> run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.getenv(), Optional.empty(), out, err, args);
    }

    /** For tests: another environment and where {@code credentials set} reads the secret. */
    static Optional<Integer> run(Map<String, String> env, Optional<CredentialsInput> input, PrintWriter out,
            PrintWriter err, String... args) {
        return parse(args).map(p -> execute(p, env, input, out, err));
    }

    /**
     * The simple command line {@code args} are, or empty when picocli must parse them (anything it could
     * answer with help, a version, an error or another command).
     */
    static Optional<Parsed> parse(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        for (String a : args) {
            if (a == null || a.startsWith("@") || a.equals("--") || a.equals("-h") || a.equals("--help")
                    || a.equals("-V") || a.equals("--version")) {
                return Optional.empty(); // an argument file, the end of options, help or version: picocli's
            }
        }
        return switch (args[0]) {
            case "serve" -> serve(args);
            case "credentials" -> credentials(args);
            default -> Optional.empty();
        };
    }

    private static Optional<Parsed> serve(String[] args) {
        Options o = new Options(List.of("--port", "--home", "--rate-limit", "--allowed-hosts"));
        boolean accept = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--accept-empty-journal")) {
                if (accept) {
                    return Optional.empty();
                }
                accept = true;
                continue;
            }
            i = o.take(args, i);
            if (i < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new Parsed("serve", o.single, o.settings, accept, Optional.empty()));
    }

    private static Optional<Parsed> credentials(String[] args) {
        Options o = new Options(List.of("--home", "--from-file"));
        String sub = null;
        String provider = null;
        boolean setBefore = false;
        boolean setAfter = false;
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                if (sub == null && (args[i].equals("list") || args[i].equals("set"))) {
                    sub = args[i];
                } else if ("set".equals(sub) && provider == null) {
                    provider = args[i];
                } else {
                    return Optional.empty(); // another subcommand, or an extra argument
                }
                continue;
            }
            int settingsBefore = o.settings.size();
            int next = o.take(args, i);
            // --from-file belongs to set, and only after it
            if (next < 0 || args[i].startsWith("--from-file") && !"set".equals(sub)) {
                return Optional.empty();
            }
            if (o.settings.size() > settingsBefore) {
                setBefore |= sub == null;
                setAfter |= sub != null;
            }
            i = next;
        }
        // --set both before and after the subcommand: picocli keeps the subcommand's values only: picocli's to resolve
        if (sub == null || sub.equals("set") && provider == null || setBefore && setAfter) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(sub, o.single, o.settings, false, Optional.ofNullable(provider)));
    }

    /** The options seen so far: each single-valued one once, {@code -s/--set} any number of times. */
    private static final class Options {
        final List<String> names;
        final Map<String, String> single = new java.util.HashMap<>();
        final List<String> settings = new ArrayList<>();

        Options(List<String> names) {
            this.names = names;
        }

        /** Takes the option at {@code args[i]} and its value; the index of its last word, or -1: not simple. */
        int take(String[] args, int i) {
            String a = args[i];
            String name;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                name = a;
                value = args[++i];
            } else {
                return -1;
            }
            if (value.startsWith("-") || value.startsWith("@")) {
                return -1; // picocli may read it as an option
            }
            if (name.equals("-s") || name.equals("--set")) {
                settings.add(value);
                return i;
            }
            if (!names.contains(name) || single.putIfAbsent(name, value) != null) {
                return -1; // unknown, or given twice
            }
            return i;
        }
    }

    /** Runs a parsed command line as picocli's execution would (same streams, exit codes, error line, quiet console). */
    private static int execute(Parsed p, Map<String, String> env, Optional<CredentialsInput> input, PrintWriter out,
            PrintWriter err) {
        try {
            if (p.command().equals("serve")) {
                ServeCommand serve = new ServeCommand();
                serve.home.home = path(p.options().get("--home"));
                serve.port = p.options().get("--port");
                serve.rateLimit = p.options().get("--rate-limit");
                serve.allowedHosts = p.options().get("--allowed-hosts");
                serve.settings.addAll(p.settings());
                serve.acceptEmptyJournal = p.acceptEmptyJournal();
                return serve.run(out, err);
            }
            CredentialsCommand group = new CredentialsCommand(env, input);
            group.home = path(p.options().get("--home"));
            group.settings.addAll(p.settings());
            CredentialsSubcommand sub;
            if (p.command().equals("set")) {
                CredentialsSetCommand set = new CredentialsSetCommand();
                set.provider = p.provider().orElseThrow();
                set.fromFile = path(p.options().get("--from-file"));
                sub = set;
            } else {
                sub = new CredentialsListCommand();
            }
            sub.parent = group;
            try (ConsoleLog.Silence quiet = ConsoleLog.quiet()) {
                return sub.call(out, err);
            }
        } catch (RuntimeException e) {
            // RootCommand's execution exception handler
            err.println("brokerbridge: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()));
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    /** A writer on a standard stream as picocli makes it (buffered, flushed at each line, its charset rule). */
    private static PrintWriter writer(FileDescriptor fd, String encodingProperty) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(fd),
                charset(System.getProperty(encodingProperty)))), true);
    }

    private static Charset charset(String name) {
        if (name == null) {
            return Charset.defaultCharset();
        }
        if (name.equalsIgnoreCase("cp65001")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
