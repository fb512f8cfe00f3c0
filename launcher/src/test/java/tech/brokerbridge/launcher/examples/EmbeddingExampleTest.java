package tech.brokerbridge.launcher.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.ReadmeSection;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.paper.SavedPaperAccount;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.signals.SignalSourceFactory;
import tech.brokerbridge.signals.SignalsConfig;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * The README's embedding example, as a user meets it: the program is taken from the README's
 * {@code ```java} block itself, compiled with the system Java compiler against the published modules, and
 * run twice in a child JVM on one home directory, where the second run must carry on from the first.
 */
class EmbeddingExampleTest {
    static final String SECTION = "Embedding the desk in your own Java program";
    /** Tuesday 1 December 2026, 10:00 in New York: the regular session, so paper entries can fill. */
    static final String IN_SESSION = "2026-12-01T15:00:00Z";
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public class (\\w+)");
    private static final Pattern TRADE = Pattern.compile("trade: (prp-[0-9a-f]{12}) (\\S+) (LONG|SHORT) (\\d+) (\\w+)");
    private static final Pattern MACHINE_ID = Pattern.compile("new VaultConfig\\([^;]*Optional\\.of\\(\"([^\"]+)\"\\)");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>\\s*<groupId>([^<]+)</groupId>\\s*"
            + "<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>\\s*</dependency>");
    private static final Pattern POSITION = Pattern.compile("position: (\\S+) (-?\\d+)");

    @TempDir
    Path work;

    @Test
    void theReadmeProgramCompilesAndASecondRunOnTheSameHomeCarriesOnFromTheFirst() throws Exception {
        String source = ReadmeSection.of(SECTION).onlyCodeBlock("java");
        Path classes = compile(source);
        String mainClass = mainClassOf(source);
        Path home = work.resolve("home");

        Run first = run(classes, mainClass, home, IN_SESSION, true);
        assertTrue(first.line("approved: ").matches("approved: prp-[0-9a-f]{12} .*"),
                "the first run approves a proposal:\n" + first.output());
        assertEquals(1, first.trades().size(), "one trade after the first run:\n" + first.output());
        // at this instant the best proposal's entry fills at once, so the second run has a position to respect
        assertEquals(1, first.positions().size(), "the first run's entry filled:\n" + first.output());
        first.assertPositionsAreTheOpenTrades();
        first.assertTheSavedPaperAccountHoldsIt(home);

        // the second run without a logging binding: SLF4J warns once and the program works the same
        Run second = run(classes, mainClass, home, IN_SESSION, false);
        assertTrue(second.errors().contains("No SLF4J providers were found"), second.errors());
        assertFalse(first.errors().contains("No SLF4J providers were found"), first.errors());
        second.assertPositionsAreTheOpenTrades();
        List<String> refs = second.trades().stream().map(Trade::ref).toList();
        assertEquals(refs.stream().distinct().count(), refs.size(), "a trade listed twice:\n" + second.output());
        Trade firstTrade = first.trades().get(0);
        assertEquals(1, second.trades().stream().filter(t -> t.ref().equals(firstTrade.ref())).count(),
                "the second run lists the first run's trade once:\n" + second.output());

        second.assertTheSavedPaperAccountHoldsIt(home);

        // nothing secret on the screen: the vault's machine id is key material
        Matcher machineId = MACHINE_ID.matcher(source);
        assertTrue(machineId.find(), "the program names its vault's machine id");
        for (Run r : List.of(first, second)) {
            assertFalse((r.output() + r.errors()).contains(machineId.group(1)), "the machine id was printed");
        }
    }

    @Test
    void theReadmeDependencyBlockNamesTheModulesTheProgramImportsAtThisCheckoutsVersion() throws Exception {
        ReadmeSection section = ReadmeSection.of(SECTION);
        String source = section.onlyCodeBlock("java");
        String pom = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("pom.xml"));
        String revision = firstGroup(Pattern.compile("<revision>([^<]+)</revision>"), pom);
        Map<String, String> ours = new HashMap<>();
        Map<String, String> others = new HashMap<>();
        Matcher dependency = DEPENDENCY.matcher(section.onlyCodeBlock("xml"));
        while (dependency.find()) {
            (dependency.group(1).equals("tech.brokerbridge") ? ours : others).put(dependency.group(2), dependency.group(3));
        }
        ours.forEach((module, version) -> assertEquals(revision, version, "the README's version of " + module));
        assertEquals(Map.of("slf4j-simple", firstGroup(Pattern.compile("<slf4j.version>([^<]+)</slf4j.version>"), pom)),
                others, "the README's logging binding matches the SLF4J API the modules use");

        Set<String> imported = new TreeSet<>();
        Matcher imports = Pattern.compile("(?m)^import (tech\\.brokerbridge\\.[\\w.]+);").matcher(source);
        while (imports.find()) {
            imported.add(moduleOf(Class.forName(imports.group(1)), revision));
        }
        imported.remove("ports"); // every module brings it
        assertEquals(imported, new TreeSet<>(ours.keySet()),
                "the README's dependency block must name exactly the modules its program imports from");
    }

    /** The module a class comes from: {@code <module>/target/classes} or {@code <module>-<version>.jar}. */
    private static String moduleOf(Class<?> type, String version) throws Exception {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        String name = location.getFileName().toString();
        String jarSuffix = "-" + version + ".jar";
        return name.endsWith(jarSuffix) ? name.substring(0, name.length() - jarSuffix.length())
                : location.getParent().getParent().getFileName().toString();
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no " + pattern);
        return m.group(1);
    }

    @Test
    void swapAnAdapterForYourOwnImplementationOfItsPort() throws Exception {
        // your own advisor: any implementation of the Advisor port
        Advisor alwaysReject = new Advisor() {
            @Override
            public String provider() {
                return "my-house-rules";
            }

            @Override
            public String model() {
                return "v1";
            }

            @Override
            public Advice decide(DecisionRequest request) {
                return new Advice(Advice.Verdict.REJECT, 0.1, "we do not trade " + request.symbol() + " today",
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of());
            }
        };
        Clock clock = Clock.fixed(Instant.parse(IN_SESSION), ZoneOffset.UTC);
        Path home = work.resolve("home");
        try (Vault vault = VaultFactory.open(new VaultConfig(home, "file", Optional.of("my-machine-id-1234")));
                ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(home));
                PaperMarket paper = PaperFactory.create(PaperConfig.persistentIn(home), clock);
                Desk desk = DeskFactory.create(DeskConfig.defaults("embedded"),
                        new DeskPorts(paper.broker(), paper.marketData(), SignalSourceFactory.create(SignalsConfig.defaults()),
                                alwaysReject, journal, vault, vault),
                        clock)) {
            desk.start();
            ScanReport report = desk.scanNow();
            assertTrue(report.decisions().stream().anyMatch(d -> d.outcome().equals("ai_rejected")));
            assertTrue(report.decisions().stream().noneMatch(d -> d.outcome().equals("proposed")));
            assertEquals("my-house-rules", desk.health().ai().name());
        }
    }

    private Path compile(String source) throws IOException {
        Path src = work.resolve("src");
        Path out = work.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(out);
        Path file = src.resolve(mainClassOf(source) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-Xlint:all,-path", "-Werror", "-classpath",
                            System.getProperty("java.class.path"), "-d", out.toString()),
                    null, files.getJavaFileObjects(file)).call();
            assertTrue(ok, "the README's program does not compile cleanly:\n" + diagnostics.getDiagnostics().stream()
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
        }
        return out;
    }

    private static String mainClassOf(String source) {
        Matcher m = PUBLIC_CLASS.matcher(source);
        assertTrue(m.find(), "the README's program has no top-level public class");
        return m.group(1);
    }

    /**
     * One run of the program in its own JVM, as {@code java -cp … Main home instant}, on the test class path
     * with or without its SLF4J binding (Logback).
     */
    private Run run(Path classes, String mainClass, Path home, String instant, boolean loggingBinding)
            throws Exception {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> loggingBinding || !Path.of(entry).getFileName().toString().startsWith("logback-"))
                .collect(Collectors.joining(File.pathSeparator));
        Path stdout = Files.createTempFile(work, "out", ".txt");
        Path stderr = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classes + File.pathSeparator + classPath,
                mainClass, home.toString(), instant)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BROKERBRIDGE_"));
        Process process = pb.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not finish in 3 minutes:\n" + Files.readString(stdout));
        }
        Run run = new Run(Files.readString(stdout), Files.readString(stderr));
        assertEquals(0, process.exitValue(), "exit code; output:\n" + run.output() + "\nerrors:\n" + run.errors());
        return run;
    }

    record Trade(String ref, String symbol, long signedQuantity, String state) {
        /** Working or filled, not yet closed: the trade holds, or will hold, a position. */
        boolean open() {
            return state.equals("accepted") || state.equals("entry_filled");
        }
    }

    record Run(String output, String errors) {
        String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line " + prefix + "in:\n" + output));
        }

        List<Trade> trades() {
            List<Trade> trades = new ArrayList<>();
            Matcher m = TRADE.matcher(output);
            while (m.find()) {
                long q = Long.parseLong(m.group(4));
                trades.add(new Trade(m.group(1), m.group(2), m.group(3).equals("SHORT") ? -q : q, m.group(5)));
            }
            return trades;
        }

        Map<String, Long> positions() {
            Map<String, Long> positions = new HashMap<>();
            Matcher m = POSITION.matcher(output);
            while (m.find()) {
                positions.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            }
            return positions;
        }

        /** The paper account the program left in its home holds exactly what the journal says was traded. */
        void assertTheSavedPaperAccountHoldsIt(Path home) {
            SavedPaperAccount saved = PaperFactory.saved(home).orElseThrow(
                    () -> new AssertionError("no paper account was saved in the program's home"));
            assertEquals(trades().size(), saved.brackets(), "brackets in the saved paper account:\n" + output);
            assertEquals(positions().size(), saved.openPositions(), "positions in the saved paper account:\n" + output);
        }

        /**
         * Each position is the one open trade in its symbol, with its quantity, and each trade whose entry
         * filled holds its position. (A trade still {@code accepted} may have filled already: the desk hears of
         * a fill as an event, after the broker call returned.)
         */
        void assertPositionsAreTheOpenTrades() {
            Map<String, List<Trade>> open = trades().stream().filter(Trade::open)
                    .collect(Collectors.groupingBy(Trade::symbol));
            open.forEach((symbol, trades) -> assertEquals(1, trades.size(),
                    "two open trades for one position in " + symbol + ":\n" + output));
            positions().forEach((symbol, quantity) -> assertEquals(quantity,
                    open.getOrDefault(symbol, List.of()).stream().mapToLong(Trade::signedQuantity).sum(),
                    "the position in " + symbol + " is not its open trade:\n" + output));
            trades().stream().filter(t -> t.state().equals("entry_filled")).forEach(t -> assertEquals(
                    t.signedQuantity(), positions().getOrDefault(t.symbol(), 0L),
                    "the filled trade " + t.ref() + " holds no position:\n" + output));
        }
    }
}
