package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.config.DaemonSettings;
import tech.brokerbridge.launcher.logging.FilePermissions;
import tech.brokerbridge.launcher.service.LauncherCommand;
import tech.brokerbridge.launcher.service.ServiceSpec;
import tech.brokerbridge.launcher.service.UserService;

/** {@code brokerbridge service install [--no-start]}. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Write the login service for this data directory, enable it and start it.",
            "Secrets (BROKERBRIDGE_ADMIN_TOKEN) go in <data directory>/service.env, readable only by you."})
public final class ServiceInstallCommand implements Callable<Integer> {
    static final String ENV_FILE = "service.env";
    /** Added to shutdown_grace_seconds: the stop's own steps after in-flight requests have finished. */
    private static final int STOP_MARGIN_SECONDS = 30;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Option(names = "--no-start", description = "enable it for the next login, but do not start it now")
    boolean noStart;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config;
        try {
            // a service that would fail at every login is worse than none: the configuration must be valid
            config = ConfigLoader.load(ServiceCommand.env(), ServiceCommand.userHome(), home.given(), Map.of());
        } catch (ConfigException e) {
            err.println("brokerbridge: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        }
        Optional<UserService> service = ServiceCommand.userService(err);
        if (service.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        Path envFile = prepareDataDirectory(config.home(), out);
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
        ServiceSpec spec = new ServiceSpec(LauncherCommand.current(properties), config.home(), envFile,
                config.get(DaemonSettings.SHUTDOWN_GRACE_SECONDS) + STOP_MARGIN_SECONDS);
        Path definition = service.get().definition();
        Files.createDirectories(definition.getParent());
        Files.writeString(definition, service.get().render(spec), StandardCharsets.UTF_8);
        out.println("wrote " + definition + " (runs " + String.join(" ", spec.serveCommand()) + ")");
        if (ServiceCommand.env().containsKey("BROKERBRIDGE_ADMIN_TOKEN")) {
            out.println("note: BROKERBRIDGE_ADMIN_TOKEN is set here but is not copied into the service; put it in "
                    + envFile);
        }
        if (!ServiceCommand.allOk(ServiceCommand.runAll(service.get().enable(!noStart), out))) {
            err.println("brokerbridge: the service is written but could not be enabled (is there a user session with "
                    + "systemd/launchd?); run the commands above once there is, or `brokerbridge service uninstall`");
            err.flush();
            return ExitCodes.FAILURE;
        }
        out.println(noStart ? "The desk will start when you next log in." : "The desk runs now and starts when you log in.");
        out.println("Logs: brokerbridge logs -f   Status: brokerbridge service status   Remove: brokerbridge service uninstall");
        out.flush();
        return ExitCodes.OK;
    }

    /** Creates the data directory (0700) and the owner-only environment file if missing. */
    private static Path prepareDataDirectory(Path home, PrintWriter out) throws IOException {
        if (!Files.isDirectory(home)) {
            FilePermissions.createPrivateDirectories(home);
        }
        Path envFile = home.resolve(ENV_FILE);
        boolean existed = Files.exists(envFile);
        FilePermissions.createPrivateFile(envFile);
        if (!existed) {
            Files.writeString(envFile, """
                    # Environment of the brokerbridge login service; readable only by you (mode 0600).
                    # Secrets belong here, never in the service definition, e.g.:
                    # BROKERBRIDGE_ADMIN_TOKEN=at-least-16-characters
                    """, StandardCharsets.UTF_8);
            out.println("wrote " + envFile + " (mode 0600, for secrets such as BROKERBRIDGE_ADMIN_TOKEN)");
        }
        return envFile;
    }
}
