package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;
import tech.brokerbridge.launcher.wiring.StartupException;

/** {@code brokerbridge serve}: starts the desk and its local HTTP API, until SIGINT/SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the desk and its API on 127.0.0.1 (and ::1). Stops cleanly on Ctrl-C / SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
    /** System property: start the desk's clock at this ISO-8601 instant (demos and tests). */
    public static final String CLOCK_START_PROPERTY = "brokerbridge.clock_start";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", description = "data directory (default: $BROKERBRIDGE_HOME or ~/.brokerbridge)")
    Path home;

    @Option(names = "--port", description = "TCP port (default 8080; 0 picks a free one)")
    String port;

    @Option(names = "--rate-limit", description = "requests per window per client IP, e.g. 100/60s")
    String rateLimit;

    @Option(names = "--allowed-hosts", description = "extra trusted Host names, comma-separated")
    String allowedHosts;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "set any configuration key, e.g. --set risk.max_open_trades=3 (repeatable)")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config;
        try {
            config = ConfigLoader.load(System.getenv(), Path.of(System.getProperty("user.home")),
                    Optional.ofNullable(home), flags());
        } catch (ConfigException e) {
            err.println("brokerbridge: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        }
        DeskRuntime runtime;
        try {
            runtime = DeskRuntime.create(config, clock());
            runtime.start();
        } catch (StartupException e) {
            err.println("brokerbridge: " + e.getMessage());
            err.flush();
            return e.portInUse() ? ExitCodes.PORT_IN_USE : ExitCodes.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.stop();
            stopped.countDown();
        }, "brokerbridge-shutdown"));
        out.println("BrokerBridge " + runtime.version() + " listening on " + runtime.url()
                + " (data in " + config.home() + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
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
