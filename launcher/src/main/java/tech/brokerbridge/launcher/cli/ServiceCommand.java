package tech.brokerbridge.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tech.brokerbridge.launcher.service.CommandRunner;
import tech.brokerbridge.launcher.service.UserService;

/** {@code brokerbridge service install|uninstall|status}: the desk as a login service. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = {"Start the desk when you log in: a systemd user unit on Linux, a launchd agent on macOS.",
            "(Windows: see the README for a scheduled task.)"},
        subcommands = {ServiceInstallCommand.class, ServiceUninstallCommand.class, ServiceStatusCommand.class})
public final class ServiceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** This platform's service manager, or a message on {@code err} saying there is none. */
    static Optional<UserService> userService(PrintWriter err) {
        Optional<UserService> s = UserService.of(System.getProperty("os.name", ""), System.getenv(), userHome());
        if (s.isEmpty()) {
            err.println("brokerbridge: no login service on " + System.getProperty("os.name")
                    + "; on Windows, register a scheduled task as the README shows");
            err.flush();
        }
        return s;
    }

    /** What a service subcommand does once the platform's service definition exists. */
    @FunctionalInterface
    interface WithDefinition {
        int run(UserService service, Path definition, PrintWriter out) throws IOException;
    }

    /**
     * Runs {@code action} on this platform's service when its definition file exists. Without a
     * service manager: exit 1, saying so. Without the definition: prints {@code missing} (given the
     * definition's path) and returns {@code missingCode}.
     */
    static int withDefinition(CommandLine cl, Function<Path, String> missing, int missingCode, WithDefinition action)
            throws IOException {
        PrintWriter out = cl.getOut();
        Optional<UserService> service = userService(cl.getErr());
        if (service.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        Path definition = service.get().definition();
        if (!Files.exists(definition)) {
            out.println(missing.apply(definition));
            out.flush();
            return missingCode;
        }
        return action.run(service.get(), definition, out);
    }

    static Path userHome() {
        return Path.of(System.getProperty("user.home"));
    }

    static Map<String, String> env() {
        return System.getenv();
    }

    /** Runs each command, printing it and what it said. */
    static List<CommandRunner.Result> runAll(List<List<String>> commands, PrintWriter out) {
        CommandRunner runner = new CommandRunner();
        List<CommandRunner.Result> results = new java.util.ArrayList<>();
        for (List<String> c : commands) {
            CommandRunner.Result r = runner.run(c);
            out.println("$ " + String.join(" ", c) + (r.ok() ? "" : "   (exit " + r.exitCode() + ")"));
            r.output().lines().forEach(l -> out.println("  " + l));
            results.add(r);
        }
        out.flush();
        return results;
    }

    static boolean allOk(List<CommandRunner.Result> results) {
        return results.stream().allMatch(CommandRunner.Result::ok);
    }
}
