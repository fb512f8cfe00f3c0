package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.lifecycle.StartOptions;
import tech.brokerbridge.launcher.lifecycle.StopSignals;
import tech.brokerbridge.launcher.logging.LogFile;
import tech.brokerbridge.launcher.wiring.DeskRuntime;
import tech.brokerbridge.launcher.wiring.StartupException;

/**
 * {@code brokerbridge serve}: starts the desk and its local HTTP API, until SIGTERM or SIGINT (Ctrl-C),
 * or {@code brokerbridge stop}; then it stops in order and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the desk and its API on 127.0.0.1 (and ::1). Stops cleanly, exit code 0, on Ctrl-C,"
                + " SIGTERM or `brokerbridge stop`.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /** System property: start the desk's clock at this ISO-8601 instant (demos and tests). */
    public static final String CLOCK_START_PROPERTY = "brokerbridge.clock_start";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Option(names = "--port", description = "TCP port (default 8080; 0 picks a free one)")
    String port;

    @Option(names = "--rate-limit", description = "requests per window per client IP, e.g. 100/60s")
    String rateLimit;

    @Option(names = "--allowed-hosts", description = "extra trusted Host names, comma-separated")
    String allowedHosts;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "set any configuration key, e.g. --set risk.max_open_trades=3 (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--accept-empty-journal", description = "start even though the journal is missing or empty"
            + " while the paper account or the vault shows that the desk has run here (a new, empty journal)")
    boolean acceptEmptyJournal;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs with these streams (picocli's, or {@link QuickCommands}' when the command line was parsed without picocli). */
    int run(PrintWriter out, PrintWriter err) {
        Config config;
        try {
            config = ConfigLoader.load(System.getenv(), Path.of(System.getProperty("user.home")),
                    home.given(), flags());
        } catch (ConfigException e) {
            err.println("brokerbridge: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        }
        try {
            LogFile.attach(config.home()); // stays open until the JVM exits, so that the shutdown is logged too
        } catch (UncheckedIOException e) {
            err.println("brokerbridge: no log file (" + e.getMessage() + "); logging to standard error only");
        }
        StopSignals signals = StopSignals.install();
        DeskRuntime runtime;
        try {
            runtime = DeskRuntime.create(config, clock(), new StartOptions(acceptEmptyJournal));
            runtime.start();
        } catch (StartupException e) {
            LOG.debug("start-up failed", e);
            err.println("brokerbridge: " + e.getMessage());
            err.flush();
            return exitCode(e);
        }
        // any other way the JVM ends (SIGHUP, System.exit elsewhere) still stops the desk in order
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::stop, "brokerbridge-shutdown"));
        out.println("BrokerBridge " + runtime.version() + " listening on " + runtime.url()
                + " (data in " + config.home() + ")");
        out.flush();
        String why;
        try {
            why = signals.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        boolean clean = runtime.stop();
        LOG.info("stopped ({}){}", why, clean ? "" : " with errors (see above)");
        return clean ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The exit code of a start-up failure: 3 port in use, 4 data directory in use, 5 journal refused, else 1. */
    static int exitCode(StartupException e) {
        if (e.portInUse()) {
            return ExitCodes.PORT_IN_USE;
        }
        return switch (e.reason()) {
            case DATA_DIRECTORY_IN_USE -> ExitCodes.ALREADY_RUNNING;
            case JOURNAL_REFUSED -> ExitCodes.JOURNAL_REFUSED;
            case FAILED -> ExitCodes.FAILURE;
        };
    }

    /**
     * The system clock, or — for demos and tests of the paper market — a clock that starts at the
     * instant given by the system property {@code brokerbridge.clock_start} and runs on from there.
     */
    static Clock clock() {
        Clock system = Clock.systemUTC();
        String start = System.getProperty(CLOCK_START_PROPERTY);
        if (start == null || start.isBlank()) {
            return system;
        }
        return Clock.offset(system, Duration.between(system.instant(), Instant.parse(start.trim())));
    }

    /** Every value given on the command line, each kept: two for one key are a configuration error. */
    private List<ConfigLoader.Flag> flags() {
        List<ConfigLoader.Flag> flags = new ArrayList<>(settings.stream().map(ConfigLoader.Flag::set).toList());
        Optional.ofNullable(port).ifPresent(v -> flags.add(new ConfigLoader.Flag("--port", HttpServerConfig.PORT.key(), v)));
        Optional.ofNullable(rateLimit).ifPresent(v -> flags.add(
                new ConfigLoader.Flag("--rate-limit", HttpServerConfig.RATE_LIMIT.key(), v)));
        Optional.ofNullable(allowedHosts).ifPresent(v -> flags.add(
                new ConfigLoader.Flag("--allowed-hosts", HttpServerConfig.ALLOWED_HOSTS.key(), v)));
        return flags;
    }
}
